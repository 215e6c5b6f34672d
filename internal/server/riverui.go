package server

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/auth"
)

// OperatorCookie is the cookie holding an operator's session for the
// browser-only tools (River UI).
const OperatorCookie = "roster_operator_session"

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Roster · operator sign-in</title>
<style>body{font:15px system-ui,sans-serif;max-width:22rem;margin:4rem auto;color:#1d2433}
input{display:block;width:100%;margin:.3rem 0 1rem;padding:.5rem;box-sizing:border-box}
button{padding:.5rem 1rem}.err{color:#b00020}</style></head>
<body><h1>Job queue</h1><p>Platform operators only.</p>
{{if .}}<p class="err">{{.}}</p>{{end}}
<form method="post"><label>Email<input name="email" type="email" autocomplete="username" required></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></body></html>`))

// OperatorOnly serves inner (mounted at prefix) to platform operators only,
// recognised by a bearer token or the OperatorCookie; prefix+"login" signs an
// operator in with a form and sets the cookie (HttpOnly, SameSite=Strict).
// Requests other than GET, HEAD and OPTIONS must come from the same origin
// (Sec-Fetch-Site, else Origin against Host; 403 otherwise), and no page
// may be framed (Content-Security-Policy frame-ancestors 'none',
// X-Frame-Options DENY).
func OperatorOnly(pool *pgxpool.Pool, svc *auth.Service, prefix string, secure bool, inner http.Handler) http.Handler {
	sameOrigin := http.NewCrossOriginProtection()
	sameOrigin.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "cross-origin request refused: use the job queue's own pages", http.StatusForbidden)
	}))
	guarded := sameOrigin.Handler(operatorOnly(pool, svc, prefix, secure, inner))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "frame-ancestors 'none'")
		w.Header().Set("X-Frame-Options", "DENY")
		guarded.ServeHTTP(w, r)
	})
}

func operatorOnly(pool *pgxpool.Pool, svc *auth.Service, prefix string, secure bool, inner http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == prefix+"login" {
			login(w, r, svc, prefix, secure)
			return
		}
		token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if c, err := r.Cookie(OperatorCookie); token == "" && err == nil {
			token = c.Value
		}
		v, err := auth.LoadViewer(r.Context(), pool, token)
		switch {
		case err != nil:
			http.Error(w, "internal error", http.StatusInternalServerError)
		case v == nil && r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, prefix+"api/"):
			http.Redirect(w, r, prefix+"login", http.StatusSeeOther)
		case v == nil:
			http.Error(w, "sign in as a platform operator", http.StatusUnauthorized)
		case !v.User.IsOperator:
			http.Error(w, "platform operators only", http.StatusForbidden)
		default:
			inner.ServeHTTP(w, r)
		}
	})
}

func login(w http.ResponseWriter, r *http.Request, svc *auth.Service, prefix string, secure bool) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.Method != http.MethodPost {
		_ = loginPage.Execute(w, "")
		return
	}
	token, u, err := svc.SignIn(r.Context(), r.PostFormValue("email"), r.PostFormValue("password"))
	if err == nil && !u.IsOperator {
		if v, lerr := auth.LoadViewer(r.Context(), svc.Pool, token); lerr == nil && v != nil {
			_ = svc.SignOut(r.Context(), v)
		}
		err = apperr.New(apperr.Forbidden, "Only platform operators can open the job queue.")
	}
	if err != nil {
		msg := "Sign-in failed."
		if e := apperr.As(err); e != nil {
			msg = e.Message
		}
		w.WriteHeader(http.StatusUnauthorized)
		_ = loginPage.Execute(w, msg)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: OperatorCookie, Value: token, Path: prefix, HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteStrictMode, MaxAge: int(svc.SessionTTL.Seconds())})
	http.Redirect(w, r, prefix, http.StatusSeeOther)
}
