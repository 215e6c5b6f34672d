// Package devui serves, in `roster dev` only, minimal pages behind the links
// of Roster's emails (accept an invitation, reset or set a password), so a
// newcomer can follow a captured email end to end. In production these pages
// belong to the admin app at PUBLIC_URL.
package devui

import (
	_ "embed"
	"net/http"
)

//go:embed page.html
var page []byte

// Handler serves the page; its script reads the path and the token and talks
// to /graphql.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
		w.Header().Set("Referrer-Policy", "no-referrer")
		_, _ = w.Write(page)
	})
}

// Paths are the link paths the emails use.
var Paths = []string{"/accept-invitation", "/reset-password", "/set-password"}
