package webhook_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/webhook"
)

func TestCheckURL_Rules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		url       string
		allowHTTP bool
		want      string // "" when refused
	}{
		{"https://hooks.example.com/roster", false, "https://hooks.example.com/roster"},
		{"  HTTPS://hooks.example.com:8443/a?b=c  ", false, "https://hooks.example.com:8443/a?b=c"},
		{"http://localhost:9000/hook", false, "http://localhost:9000/hook"},
		{"http://127.0.0.1:9000/hook", false, "http://127.0.0.1:9000/hook"},
		{"http://[::1]:9000/hook", false, "http://[::1]:9000/hook"},
		{"http://svc.internal/hook", false, ""},
		{"http://svc.internal/hook", true, "http://svc.internal/hook"},
		{"https://10.0.0.7/hook", false, "https://10.0.0.7/hook"},
		{"https://169.254.169.254/latest", false, ""},
		{"https://[fe80::1%25eth0]/", false, ""},
		{"https://224.0.0.1/", false, ""},
		{"https://0.0.0.0/", false, ""},
		// Another spelling of the metadata address, or one that carries it.
		{"https://[::ffff:169.254.169.254]/", false, ""},
		{"https://[::ffff:a9fe:a9fe]/", false, ""},
		{"https://[::a9fe:a9fe]/", false, ""},
		{"https://[64:ff9b::a9fe:a9fe]/", false, ""},
		{"https://[2002:a9fe:a9fe::1]/", false, ""},
		{"https://[fd00:ec2::254]/latest", false, ""},
		{"https://2852039166/", false, ""},
		{"https://0251.0376.0251.0376/", false, ""},
		{"https://0xa9fea9fe/", false, ""},
		{"https://0xA9.0xFE.0xA9.0xFE/", false, ""},
		{"https://169.254.43518/", false, ""},
		{"https://169.254.169.254./", false, ""},
		{"https://10.0.0.7./hook", false, ""},
		{"https://hooks.example.123/", false, ""},
		{"https://[fd12::7]/hook", false, "https://[fd12::7]/hook"},
		{"https://[64:ff9b::a00:7]/hook", false, "https://[64:ff9b::a00:7]/hook"},
		{"https://hooks.example.com./hook", false, "https://hooks.example.com./hook"},
		{"https://0x.example.com/hook", false, "https://0x.example.com/hook"},
		{"https://user:pw@hooks.example.com/", false, ""},
		{"https://hooks.example.com/#x", false, ""},
		{"https://hooks.example.com/#", false, ""},
		{"ftp://hooks.example.com/", false, ""},
		{"javascript:alert(1)", false, ""},
		{"//hooks.example.com/", false, ""},
		{"https:///path", false, ""},
		{"https://hooks.example.com/\x00", false, ""},
		{"", false, ""},
		{"https://h.test/" + strings.Repeat("a", webhook.MaxURLLength), false, ""},
	} {
		got, err := webhook.CheckURL(tc.url, tc.allowHTTP)
		if tc.want == "" {
			require.Error(t, err, tc.url)
			continue
		}
		require.NoError(t, err, tc.url)
		require.Equal(t, tc.want, got)
	}
}

// TestSign_MatchesReferenceLibrary signs with Roster's code and verifies with
// the Standard Webhooks reference library, one secret and two.
func TestSign_MatchesReferenceLibrary(t *testing.T) {
	t.Parallel()
	a, b := webhook.NewSecret(), webhook.NewSecret()
	require.True(t, strings.HasPrefix(a, "whsec_"))
	require.NotEqual(t, a, b)
	body := []byte(`{"id":"x","type":"user.deleted"}`)
	at := time.Now()
	for _, secrets := range [][]string{{a}, {a, b}} {
		sig, err := webhook.Sign(secrets, "msg_1", at, body)
		require.NoError(t, err)
		h := http.Header{}
		h.Set("webhook-id", "msg_1")
		h.Set("webhook-timestamp", strconv.FormatInt(at.Unix(), 10))
		h.Set("webhook-signature", sig)
		for _, s := range secrets {
			wh, err := standardwebhooks.NewWebhook(s)
			require.NoError(t, err)
			require.NoError(t, wh.Verify(body, h))
			require.Error(t, wh.Verify(append(body, ' '), h), "a changed body fails")
		}
	}
	_, err := webhook.Sign([]string{"not-a-secret"}, "m", at, body)
	require.Error(t, err)
}

func TestSealer_SealsAndBinds(t *testing.T) {
	t.Parallel()
	_, err := webhook.NewSealer("short")
	require.Error(t, err)
	plain, err := webhook.NewSealer("")
	require.NoError(t, err)
	require.False(t, plain.Encrypts())
	s, err := webhook.NewSealer("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
	require.NoError(t, err)
	id, other := uuid.New(), uuid.New()
	secret := webhook.NewSecret()
	sealed := s.Seal(id, secret)
	require.True(t, strings.HasPrefix(sealed, "sealed:v1:"))
	require.NotEqual(t, sealed, s.Seal(id, secret), "a fresh nonce each time")
	got, err := s.Open(id, sealed)
	require.NoError(t, err)
	require.Equal(t, secret, got)
	_, err = s.Open(other, sealed)
	require.Error(t, err, "bound to its endpoint")
	_, err = plain.Open(id, sealed)
	require.Error(t, err, "a sealed secret needs the key")
	got, err = s.Open(id, secret)
	require.NoError(t, err, "a secret stored before the key was set still opens")
	require.Equal(t, secret, got)
	require.Equal(t, secret, plain.Seal(id, secret))
}

func TestRetryDelay_Schedule(t *testing.T) {
	t.Parallel()
	require.Equal(t, 5*time.Second, webhook.RetryDelay(1))
	require.Equal(t, 10*time.Hour, webhook.RetryDelay(webhook.MaxAttempts-1))
	require.Equal(t, 10*time.Hour, webhook.RetryDelay(99))
	require.Equal(t, 8, webhook.MaxAttempts)
}

// TestClient_RefusesForbiddenAddressesAtDial dials, past CheckURL, the
// metadata address in the forms a resolver may return: the dialer's
// control refuses them after resolution, so a name resolving (or rebound)
// to one is refused the same way.
func TestClient_RefusesForbiddenAddressesAtDial(t *testing.T) {
	t.Parallel()
	c := webhook.NewClient(2 * time.Second)
	for _, u := range []string{"http://169.254.169.254/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[fd00:ec2::254]/"} {
		_, err := c.Get(u)
		require.ErrorContains(t, err, "webhooks never reach", u)
	}
}
