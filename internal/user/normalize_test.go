package user_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/user"
)

func TestNormalizeEmail(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name, in, want string // want "" means INVALID_INPUT
	}{
		{"plain, lower-cased", " Ann.Lee+tag@Example.TEST ", "ann.lee+tag@example.test"},
		{"localhost", "root@localhost", "root@localhost"},
		{"atext specials", "a!#$%&'*+-/=?^_`{|}~b@x.test", "a!#$%&'*+-/=?^_`{|}~b@x.test"},
		{"IDN domain to its A-label", "ann@Bücher.test", "ann@xn--bcher-kva.test"},
		{"punycode twin folds to the same address", "ann@XN--BCHER-KVA.test", "ann@xn--bcher-kva.test"},
		{"fullwidth letters map to ASCII", "ann@ｅxample.test", "ann@example.test"},
		{"Japanese label mixing Han and Katakana", "a@日本テスト.test", "a@xn--zckzah9945czlb.test"},
		{"single-script Cyrillic label", "a@пример.test", "a@xn--e1afmkfd.test"},
		{"local part of 64", long(64) + "@x.test", long(64) + "@x.test"},
		{"address of 254", long(64) + "@" + long(63) + "." + long(63) + "." + long(56) + ".test", long(64) + "@" + long(63) + "." + long(63) + "." + long(56) + ".test"},

		{"empty", "", ""},
		{"no at", "ann.example.test", ""},
		{"no domain dot", "ann@example", ""},
		{"display name", "Ann <ann@x.test>", ""},
		{"quoted local part", `"ann lee"@x.test`, ""},
		{"comment", "ann(c)@x.test", ""},
		{"IPv4 literal", "a@[127.0.0.1]", ""},
		{"IPv6 literal", "a@[IPv6:::1]", ""},
		{"numeric domain", "a@127.0.0.1", ""},
		{"zero-width space in local part", "an\u200bn@x.test", ""},
		{"zero-width joiner in domain", "ann@exa\u200dmple.test", ""},
		{"soft hyphen", "ann@exam\u00adple.test", ""},
		{"bidi override", "ann@\u202eexample.test", ""},
		{"control character", "ann\x01@x.test", ""},
		{"NUL", "ann\x00@x.test", ""},
		{"line separator", "ann@x\u2028.test", ""},
		{"non-ASCII local part", "аnn@x.test", ""},
		{"Latin and Cyrillic in one label", "ann@pаypal.test", ""},
		{"Latin and Greek in one label", "ann@gοogle.test", ""},
		{"punycode of a mixed-script label", "ann@xn--pypal-4ve.test", ""},
		{"invalid punycode", "ann@xn--a.test", ""},
		{"local part of 65", long(65) + "@x.test", ""},
		{"label of 64", "a@" + long(64) + ".test", ""},
		{"address of 255", long(64) + "@" + long(63) + "." + long(63) + "." + long(58) + ".test", ""},
		{"leading dot", ".ann@x.test", ""},
		{"double dot", "an..n@x.test", ""},
		{"trailing dot in domain", "ann@x.test.", ""},
		{"empty label", "ann@x..test", ""},
		{"underscore in domain", "ann@x_y.test", ""},
		{"leading hyphen in label", "ann@-x.test", ""},
		{"two ats", "a@b@x.test", ""},
		{"invalid UTF-8", "ann@x\xff.test", ""},
		{"a megabyte", long(1<<20) + "@x.test", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := user.NormalizeEmail(tc.in)
			if tc.want == "" {
				require.Error(t, err, "accepted as %q", got)
				require.Equal(t, apperr.InvalidInput, apperr.CodeOf(err))
				require.Less(t, len(err.Error()), 200, "the message does not echo a huge argument")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestNormalizeName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in, want string // want "" means INVALID_INPUT
	}{
		{"trimmed", "  Ann Lee \t", "Ann Lee"},
		{"accents and scripts", "Zoë Łukasz 山田 Ольга", "Zoë Łukasz 山田 Ольга"},
		{"no-break space kept", "Ann\u00a0Lee", "Ann\u00a0Lee"},
		{"emoji", "Ann 🚀", "Ann 🚀"},
		{"200 characters", strings.Repeat("é", 200), strings.Repeat("é", 200)},

		{"empty", "  ", ""},
		{"201 characters", strings.Repeat("é", 201), ""},
		{"CRLF forging a line", "Ann\r\nBcc: x@evil.test", ""},
		{"tab inside", "Ann\tLee", ""},
		{"NUL", "Ann\x00", ""},
		{"DEL", "Ann\x7f", ""},
		{"C1 control", "Ann\u0085Lee", ""},
		{"zero-width space", "An\u200bn", ""},
		{"bidi override", "Ann \u202egnp.exe", ""},
		{"byte order mark", "\ufeffAnn", ""},
		{"line separator", "Ann\u2028Lee", ""},
		{"paragraph separator", "Ann\u2029Lee", ""},
		{"invalid UTF-8", "Ann\xffLee", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := user.NormalizeName(tc.in)
			if tc.want == "" {
				require.Error(t, err, "accepted as %q", got)
				require.Equal(t, apperr.InvalidInput, apperr.CodeOf(err))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

// FuzzNormalizeEmail checks that whatever comes in, an accepted address is
// canonical (normalising it again changes nothing), short enough, ASCII and
// free of invisible characters, and a refusal is INVALID_INPUT.
func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"ann@x.test", "Ann@Bücher.test", "ann@xn--bcher-kva.test", "a@[127.0.0.1]", "an\u200bn@x.test",
		"ann@pаypal.test", `"a b"@x.test`, "a@日本テスト.test", "root@localhost", strings.Repeat("a", 65) + "@x.test", "a@b@c", "@", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := user.NormalizeEmail(s)
		if err != nil {
			require.Equal(t, apperr.InvalidInput, apperr.CodeOf(err))
			return
		}
		require.LessOrEqual(t, len(got), 254)
		for i := 0; i < len(got); i++ {
			require.True(t, got[i] > ' ' && got[i] < 0x7f, "non-printable-ASCII byte in %q", got)
		}
		require.Equal(t, strings.ToLower(got), got)
		again, err := user.NormalizeEmail(got)
		require.NoError(t, err, "the canonical form %q of %q is refused", got, s)
		require.Equal(t, got, again, "not idempotent")
	})
}

// FuzzNormalizeName checks that an accepted name is trimmed, valid UTF-8,
// one line without control characters, at most 200 characters, and stable.
func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Ann Lee", " Zoë ", "Ann\r\nBcc: x", "An\u200bn", "\x00", "山田", strings.Repeat("x", 201), ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := user.NormalizeName(s)
		if err != nil {
			require.Equal(t, apperr.InvalidInput, apperr.CodeOf(err))
			return
		}
		require.True(t, utf8.ValidString(got))
		require.NotEmpty(t, got)
		require.LessOrEqual(t, utf8.RuneCountInString(got), 200)
		require.Equal(t, strings.TrimSpace(got), got)
		require.False(t, strings.ContainsAny(got, "\r\n\t\x00\u2028\u2029\u200b\u202e"), "%q", got)
		again, err := user.NormalizeName(got)
		require.NoError(t, err)
		require.Equal(t, got, again)
	})
}
