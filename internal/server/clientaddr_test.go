package server_test

import (
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/server"
)

func TestClientAddr(t *testing.T) {
	t.Parallel()
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}
	for _, tc := range []struct {
		name, peer, xff, want string
		trusted               []netip.Prefix
	}{
		{"no proxies trusted: the header is ignored", "10.0.0.1:5000", "203.0.113.7", "10.0.0.1", nil},
		{"an untrusted peer's header is ignored", "198.51.100.9:5000", "203.0.113.7", "198.51.100.9", trusted},
		{"a trusted peer names the client", "10.0.0.1:5000", "203.0.113.7", "203.0.113.7", trusted},
		{"the rightmost untrusted entry wins over forged ones", "10.0.0.1:5000", "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7", trusted},
		{"several headers read as one list", "10.0.0.1:5000", "", "203.0.113.7", trusted},
		{"every hop trusted: the leftmost", "10.0.0.1:5000", "10.0.0.3, 10.0.0.2", "10.0.0.3", trusted},
		{"a malformed entry stops at the last good address", "10.0.0.1:5000", "203.0.113.7, junk", "10.0.0.1", trusted},
		{"IPv6 with brackets and port", "[fd00::1]:5000", "[2001:db8::7]:443", "2001:db8::7", trusted},
		{"IPv4-mapped IPv6", "[::ffff:10.0.0.1]:5000", "::ffff:203.0.113.7", "203.0.113.7", trusted},
		{"an untrusted IPv4-mapped peer, unmapped", "[::ffff:198.51.100.9]:5000", "", "198.51.100.9", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", nil)
			r.RemoteAddr = tc.peer
			if tc.xff != "" {
				r.Header.Set("X-Forwarded-For", tc.xff)
			} else {
				r.Header.Add("X-Forwarded-For", "203.0.113.7")
				r.Header.Add("X-Forwarded-For", "10.0.0.2")
			}
			require.Equal(t, tc.want, server.ClientAddr(r, tc.trusted))
		})
	}
}
