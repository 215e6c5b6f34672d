package config_test

import (
	"bufio"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/config"
)

func lookup(env map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := env[k]; return v, ok }
}

func TestConfig_Defaults(t *testing.T) {
	t.Parallel()
	c, err := config.FromLookup(lookup(nil))
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1:8080", c.ListenAddr)
	require.Equal(t, "http://127.0.0.1:8080", c.PublicURL)
	require.Equal(t, 7*24*time.Hour, c.InvitationTTL)
	require.Equal(t, 500, c.InvitationDailyQuota)
	require.Equal(t, "mandatory", c.SMTPTLS)
	require.True(t, c.Workers)
	require.True(t, c.GraphQLIntrospection)
	require.Empty(t, c.TrustedProxies, "no proxy is trusted by default")
	require.Equal(t, 5000, c.ComplexityLimit)
}

func TestConfig_TrustedProxies(t *testing.T) {
	t.Parallel()
	c, err := config.FromLookup(lookup(map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.7 fd00::/8"}))
	require.NoError(t, err)
	require.Equal(t, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.168.1.7/32"), netip.MustParsePrefix("fd00::/8")}, c.TrustedProxies)
}

func TestConfig_Malformed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, value string }{
		{"INVITATION_TTL", "a week"},
		{"INVITATION_TTL", "-1h"},
		{"INVITATION_DAILY_QUOTA", "lots"},
		{"WORKERS", "maybe"},
		{"GRAPHQL_INTROSPECTION", "2"},
		{"SMTP_TLS", "sometimes"},
		{"SMTP_URL", "http://mail.example.com"},
		{"PUBLIC_URL", "example.com"},
		{"LISTEN_ADDR", "8080"},
		{"LOG_LEVEL", "loud"},
		{"SESSION_TTL", "0s"},
		{"TRUSTED_PROXIES", "10.0.0.0/33"},
		{"TRUSTED_PROXIES", "10.0.0.1, proxy.internal"},
	} {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			_, err := config.FromLookup(lookup(map[string]string{tc.name: tc.value}))
			require.ErrorContains(t, err, tc.name+":")
		})
	}
	_, err := config.FromLookup(lookup(map[string]string{"SMTP_URL": "http://user:s3cret@mail.example.com"}))
	require.NotContains(t, err.Error(), "s3cret", "the password is never printed")
	_, err = config.FromLookup(lookup(map[string]string{"WORKERS": "x", "SMTP_TLS": "y"}))
	require.ErrorContains(t, err, "WORKERS:")
	require.ErrorContains(t, err, "SMTP_TLS:", "every malformed variable is named at once")
}

func TestConfig_Values(t *testing.T) {
	t.Parallel()
	c, err := config.FromLookup(lookup(map[string]string{
		"INVITATION_TTL": "48h", "WORKERS": "false", "SMTP_URL": "smtps://u:p@mail.example.com:465",
		"SMTP_TLS": "NONE", "PUBLIC_URL": "https://panel.example.com/", "GRAPHQL_INTROSPECTION": "false",
	}))
	require.NoError(t, err)
	require.Equal(t, 48*time.Hour, c.InvitationTTL)
	require.False(t, c.Workers)
	require.False(t, c.GraphQLIntrospection)
	require.Equal(t, "none", c.SMTPTLS)
	require.Equal(t, "https://panel.example.com", c.PublicURL)
}

func TestConfig_VariablesListed(t *testing.T) {
	t.Parallel()
	read := map[string]bool{}
	_, err := config.FromLookup(func(k string) (string, bool) { read[k] = true; return "", false })
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, v := range config.Variables {
		listed[v.Name] = true
	}
	require.Equal(t, read, listed, "config.Variables (roster --help) names exactly the variables read")
}

func TestConfig_CORSAllowedOrigins(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		value string
		want  []string
		err   bool
	}{
		{"", nil, false},
		{"https://panel.example.com, http://localhost:5173", []string{"https://panel.example.com", "http://localhost:5173"}, false},
		{"HTTPS://Panel.Example.com/", []string{"https://panel.example.com"}, false},
		{"*", nil, true},
		{"https://*.example.com", nil, true},
		{"https://panel.example.com/app", nil, true},
		{"panel.example.com", nil, true},
	} {
		c, err := config.FromLookup(lookup(map[string]string{"CORS_ALLOWED_ORIGINS": tc.value}))
		if tc.err {
			require.ErrorContains(t, err, "CORS_ALLOWED_ORIGINS", tc.value)
			continue
		}
		require.NoError(t, err, tc.value)
		require.Equal(t, tc.want, c.CORSAllowedOrigins, tc.value)
	}
}

func TestConfig_ExampleEnvFile(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../../docs/roster.env.example")
	require.NoError(t, err)
	defer f.Close()
	env := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		require.True(t, ok, line)
		env[k] = v
	}
	require.NoError(t, sc.Err())
	_, err = config.FromLookup(lookup(env))
	require.NoError(t, err, "the example is a valid configuration")
	for _, v := range config.Variables {
		require.Contains(t, env, v.Name, "the example names every variable")
	}
	require.Len(t, env, len(config.Variables))
}
