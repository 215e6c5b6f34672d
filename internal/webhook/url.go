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
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil && Forbidden(a) {
		return "", bad("points at %s, an address no delivery may reach (link-local, multicast or unspecified).", a)
	}
	return u.String(), nil
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
// multicast, and unspecified ones (0.0.0.0, ::). Private and loopback
// networks stay allowed: the receivers are usually the provider's own
// services, and only operators configure endpoints.
func Forbidden(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified()
}

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
