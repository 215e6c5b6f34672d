package webhook

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// secretPrefix starts every signing secret, as the Standard Webhooks
// specification shows them ("whsec_" and the base64 of the key).
const secretPrefix = "whsec_"

// secretBytes is the size of a signing key: 32 bytes, within the 24 to 64
// the specification asks for.
const secretBytes = 32

// NewSecret returns a fresh signing secret, "whsec_" and the standard base64
// of 32 random bytes.
func NewSecret() string {
	key := make([]byte, secretBytes)
	_, _ = rand.Read(key) // crypto/rand.Read never fails
	return secretPrefix + base64.StdEncoding.EncodeToString(key)
}

// Sign returns the value of the webhook-signature header for one attempt:
// "v1,<base64 HMAC-SHA256 of id.timestamp.body>" per secret, separated by
// spaces (two during a rotation's grace period), as the Standard Webhooks
// specification defines it. It returns an error for a malformed secret.
func Sign(secrets []string, id string, at time.Time, body []byte) (string, error) {
	sigs := make([]string, 0, len(secrets))
	for _, s := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, secretPrefix))
		if err != nil || !strings.HasPrefix(s, secretPrefix) {
			return "", errors.New("webhook: malformed signing secret")
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + strconv.FormatInt(at.Unix(), 10) + "."))
		mac.Write(body)
		sigs = append(sigs, "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	}
	return strings.Join(sigs, " "), nil
}

// Sealer keeps signing secrets encrypted at rest with AES-256-GCM under the
// key of WEBHOOK_SECRET_KEY. The zero Sealer (no key) stores them as they
// are: a secret must be readable to sign, so unlike session and invitation
// tokens it cannot be hashed.
type Sealer struct {
	aead cipher.AEAD
}

// sealedPrefix marks a secret sealed by a Sealer with a key.
const sealedPrefix = "sealed:v1:"

// NewSealer returns a Sealer for key (the standard base64 of 32 bytes), or
// the zero Sealer for an empty key. It returns an error naming
// WEBHOOK_SECRET_KEY for any other key.
func NewSealer(key string) (Sealer, error) {
	if key == "" {
		return Sealer{}, nil
	}
	raw, err := base64.StdEncoding.DecodeString(key)
	if err != nil || len(raw) != 32 {
		return Sealer{}, errors.New("WEBHOOK_SECRET_KEY: not the base64 of 32 bytes (make one with `openssl rand -base64 32`)")
	}
	block, err := aes.NewCipher(raw)
	if err != nil {
		return Sealer{}, fmt.Errorf("WEBHOOK_SECRET_KEY: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return Sealer{}, fmt.Errorf("WEBHOOK_SECRET_KEY: %w", err)
	}
	return Sealer{aead: aead}, nil
}

// Encrypts reports whether the Sealer has a key.
func (s Sealer) Encrypts() bool { return s.aead != nil }

// Seal returns what to store for the secret of endpoint id: the secret
// itself without a key, else the sealed form, bound to the endpoint (a
// sealed secret copied to another row does not open).
func (s Sealer) Seal(id uuid.UUID, secret string) string {
	if s.aead == nil {
		return secret
	}
	nonce := make([]byte, s.aead.NonceSize())
	_, _ = rand.Read(nonce)
	return sealedPrefix + base64.StdEncoding.EncodeToString(s.aead.Seal(nonce, nonce, []byte(secret), id[:]))
}

// Open returns the secret that Seal stored for endpoint id. A secret stored
// before a key was configured opens as it is. It returns an error for a
// sealed secret without the key that sealed it.
func (s Sealer) Open(id uuid.UUID, stored string) (string, error) {
	if !strings.HasPrefix(stored, sealedPrefix) {
		return stored, nil
	}
	if s.aead == nil {
		return "", errors.New("the endpoint's secret is sealed and WEBHOOK_SECRET_KEY is not set in this process")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(stored, sealedPrefix))
	if err != nil || len(raw) < s.aead.NonceSize() {
		return "", errors.New("the endpoint's sealed secret is corrupt")
	}
	plain, err := s.aead.Open(nil, raw[:s.aead.NonceSize()], raw[s.aead.NonceSize():], id[:])
	if err != nil {
		return "", errors.New("the endpoint's secret does not open with WEBHOOK_SECRET_KEY (was the key changed?)")
	}
	return string(plain), nil
}
