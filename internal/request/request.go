// Package request carries per-request facts (request id, client address)
// through a context, for logs and audit events.
package request

import (
	"context"
	"crypto/rand"
	"encoding/hex"
)

type infoKey struct{}

// Info is what Roster knows about the HTTP request being served.
type Info struct {
	ID         string
	ClientAddr string
	UserAgent  string
}

// With returns ctx carrying info.
func With(ctx context.Context, info Info) context.Context {
	return context.WithValue(ctx, infoKey{}, info)
}

// From returns the request info in ctx, zero when there is none (jobs, commands).
func From(ctx context.Context) Info {
	info, _ := ctx.Value(infoKey{}).(Info)
	return info
}

// NewID returns a random request id.
func NewID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
