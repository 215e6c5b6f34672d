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
