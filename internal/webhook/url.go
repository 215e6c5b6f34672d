package webhook

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"unicode"

	"github.com/rosterhq/roster/internal/apperr"
)

// MaxURLLength is the longest endpoint URL accepted.
const MaxURLLength = 2000

// CheckURL returns the endpoint URL in the form stored, or INVALID_INPUT
// saying what is wrong. An endpoint URL is absolute, https — or http for a
// loopback host (localhost, 127.0.0.0/8, ::1), or anywhere when allowHTTP
// (WEBHOOK_ALLOW_HTTP) — without user name or password (the signature
// authenticates Roster; credentials in a URL end up in logs), without a
// fragment, at most 2,000 characters, and not aimed at an address no
// delivery may reach (see Forbidden).
func CheckURL(raw string, allowHTTP bool) (string, error) {
	raw = strings.TrimSpace(raw)
	bad := func(format string, args ...any) error {
		return apperr.New(apperr.InvalidInput, "The endpoint URL "+format, args...)
	}
	switch {
	case raw == "":
		return "", bad("is empty.")
	case len(raw) > MaxURLLength:
		return "", bad("is longer than %d characters.", MaxURLLength)
	case strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "", bad("holds spaces or control characters.")
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Opaque != "" {
		return "", bad("must be absolute, such as https://hooks.example.com/roster.")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := u.Hostname()
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return "", bad("must use https.")
	case u.User != nil:
		return "", bad("must not carry a user name or password: receivers authenticate Roster by the signature.")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "", bad("must not have a fragment (#…).")
	case host == "":
		return "", bad("has no host.")
	case u.Scheme == "http" && !allowHTTP && !isLoopbackHost(host):
		return "", bad("must use https (plain http is allowed for localhost only, unless WEBHOOK_ALLOW_HTTP is set).")
	}
	if numericHost(host) {
		// Browsers and inet_aton read a host ending in a number as an IPv4
		// address, in decimal, octal or hex, whole or in parts
		// (2852039166, 0251.0376.0251.0376, 169.254.43518): only the dotted
		// decimal form is accepted, so that what is checked is what is dialled.
		a, err := netip.ParseAddr(strings.TrimSuffix(host, "."))
		if err != nil || !a.Is4() || strings.HasSuffix(host, ".") {
			return "", bad("has a host that reads as an IPv4 address; write it as four decimal numbers (such as 203.0.113.7).")
		}
	}
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil && Forbidden(a) {
		return "", bad("points at %s, an address no delivery may reach (link-local, multicast or unspecified).", a)
	}
	return u.String(), nil
}

// numericHost reports whether host's last label is a number (digits, or
// 0x and hex digits), which makes the whole host an IPv4 address to URL
// parsers and resolvers.
func numericHost(host string) bool {
	h := strings.TrimSuffix(host, ".")
	last := strings.ToLower(h[strings.LastIndex(h, ".")+1:])
	if hex, ok := strings.CutPrefix(last, "0x"); ok {
		return strings.Trim(hex, "0123456789abcdef") == ""
	}
	return last != "" && strings.Trim(last, "0123456789") == ""
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

// Forbidden reports whether a delivery may never connect to a: link-local
// addresses (169.254.0.0/16 holds the cloud metadata services, fe80::/10),
// AWS's IPv6 metadata service (fd00:ec2::254), multicast, and unspecified
// ones (0.0.0.0, ::); an IPv6 address that carries an IPv4 one (mapped,
// IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by it too.
// Private and loopback networks stay allowed: the receivers are usually the
// provider's own services, and only operators configure endpoints.
func Forbidden(a netip.Addr) bool {
	a = a.Unmap()
	if a.Is6() {
		b := a.As16()
		var v4 [4]byte
		switch {
		case prefixCompat.Contains(a), prefixNAT64.Contains(a):
			copy(v4[:], b[12:])
		case prefix6to4.Contains(a):
			copy(v4[:], b[2:6])
		}
		if v4 != [4]byte{} && Forbidden(netip.AddrFrom4(v4)) {
			return true
		}
	}
	return a == awsMetadataV6 || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified()
}

var (
	prefixCompat  = netip.MustParsePrefix("::/96")
	prefixNAT64   = netip.MustParsePrefix("64:ff9b::/96")
	prefix6to4    = netip.MustParsePrefix("2002::/16")
	awsMetadataV6 = netip.MustParseAddr("fd00:ec2::254")
)

// errForbiddenAddress is what a dial to a Forbidden address fails with.
var errForbiddenAddress = errors.New("the address is link-local, multicast or unspecified, which webhooks never reach")

// dialControl refuses connections to Forbidden addresses, after name
// resolution: a name that resolves (or is rebound) to one is refused too.
func dialControl(_ context.Context, _, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("webhook: unexpected dial address %q", address)
	}
	if Forbidden(a) {
		return errForbiddenAddress
	}
	return nil
}
