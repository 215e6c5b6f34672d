package scim

import (
	"math"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Limiter is an in-process token bucket per key (a SCIM token, or the
// client address of requests without a valid token): each key may make
// Burst requests at once and Rate per second over time. Each API process
// keeps its own buckets, so N processes behind a balancer allow up to N
// times the rate.
type Limiter struct {
	Rate  float64
	Burst int

	mu      sync.Mutex
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxBuckets bounds the keys kept; past it, full buckets are dropped.
const maxBuckets = 10000

// NewLimiter returns a limiter of rate requests per second with bursts of burst.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{Rate: rate, Burst: burst, buckets: map[string]*bucket{}, now: time.Now}
}

// Allow takes one request from key's bucket. When the bucket is empty it
// returns false and how long until a request is allowed again.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			l.sweep(now)
		}
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(float64(l.Burst), b.tokens+now.Sub(b.at).Seconds()*l.Rate)
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.Rate * float64(time.Second))
	return false, wait
}

// sweep drops the buckets that have refilled (forgetting them changes
// nothing), and if that frees nothing, every client address's bucket. A
// token's bucket (TokenKey) is never dropped before it refills: addresses
// are the client's to choose, tokens are made by people, five an account at
// most, so flooding from many addresses cannot reset a token's limit.
func (l *Limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.Rate >= float64(l.Burst) {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) >= maxBuckets {
		for k := range l.buckets {
			if !strings.HasPrefix(k, tokenKeyPrefix) {
				delete(l.buckets, k)
			}
		}
	}
}

const tokenKeyPrefix = "token:"

// TokenKey is the limiter's key of a SCIM token's requests.
func TokenKey(id uuid.UUID) string { return tokenKeyPrefix + id.String() }

// AddrKey is the limiter's key of requests without a valid token from the
// client address addr: an IPv6 address counts by its /64, which one client
// usually holds whole, so rotating within it buys nothing.
func AddrKey(addr string) string {
	if a, err := netip.ParseAddr(addr); err == nil && a.Is6() && !a.Is4In6() {
		p, _ := a.Prefix(64)
		return "addr:" + p.String()
	}
	return "addr:" + addr
}
