package server

import (
	"net/http"
	"slices"
	"strings"
)

// CORS answers of /graphql: the methods and request headers a browser app
// on an allowed origin may use, and the response headers it may read.
const (
	corsMethods       = "GET, POST, OPTIONS"
	corsHeaders       = "Authorization, Content-Type"
	corsExposeHeaders = "X-Request-Id, WWW-Authenticate"
	corsMaxAge        = "600"
)

// withCORS lets browser apps on the allowed origins (exact matches of
// scheme://host[:port], lower-case) call next. A preflight (OPTIONS with
// Origin and Access-Control-Request-Method) is answered here with 204: with
// the allowed methods and headers for an allowed origin, with no CORS header
// for any other, so the browser refuses. Every answer varies by Origin.
// Cookies are not involved: clients send the session token in Authorization.
func withCORS(allowed []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		h := w.Header()
		h.Add("Vary", "Origin")
		ok := origin != "" && slices.Contains(allowed, strings.ToLower(origin))
		if r.Method == http.MethodOptions && origin != "" && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if ok {
				h.Set("Access-Control-Allow-Origin", origin)
				h.Set("Access-Control-Allow-Methods", corsMethods)
				h.Set("Access-Control-Allow-Headers", corsHeaders)
				h.Set("Access-Control-Max-Age", corsMaxAge)
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if ok {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		}
		next.ServeHTTP(w, r)
	})
}
