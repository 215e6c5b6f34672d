package user

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/rosterhq/roster/internal/apperr"
)

// RFC 5321 §4.5.3.1 limits, in octets of the ASCII form.
const (
	maxLocalPart = 64
	maxDomain    = 255
	maxPath      = 254 // the forward path, "<" local "@" domain ">", leaves 254 for the address
	maxLabel     = 63
	// maxRawAddress bounds the work done on an argument before it is
	// rejected: no valid address is longer, even with a Unicode domain.
	maxRawAddress = 1024
)

// domainProfile is IDNA2008 lookup processing (UTS #46 non-transitional
// mapping, STD3 letters-digits-hyphen rules, hyphen, joiner and Bidi checks):
// it folds the Unicode and punycode spellings of a domain into one A-label form.
var domainProfile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.ValidateLabels(true),
	idna.StrictDomainName(true), idna.Transitional(false), idna.CheckHyphens(true), idna.CheckJoiners(true))

// NormalizeEmail validates one bare address and returns its canonical form:
// lower-cased, the domain in its ASCII (IDNA A-label, "xn--") form, so that
// the Unicode and punycode spellings of one address are the same address.
// It returns an INVALID_INPUT error for anything else, in particular:
//   - display names, comments, quoted local parts and address literals
//     such as a@[127.0.0.1] or a numeric domain such as a@127.0.0.1;
//   - control, format (zero-width, bidi) and separator characters anywhere;
//   - a local part that is not ASCII (a dot-atom: letters, digits and
//     !#$%&'*+-/=?^_`{|}~ between single dots), so it cannot hide homoglyphs;
//   - a domain label mixing scripts (Latin with Cyrillic, say), except the
//     combinations one language writes together (Latin with Han and
//     Hiragana/Katakana, Hangul or Bopomofo: UTS #39 "highly restrictive");
//   - the RFC 5321 lengths: local part over 64 octets, a label over 63,
//     domain over 255, address over 254;
//   - a domain without a dot (except localhost).
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := func() (string, error) {
		shown := s
		if len(shown) > 100 {
			shown = strings.ToValidUTF8(shown[:100], "") + "…"
		}
		return "", apperr.New(apperr.InvalidInput, "%q is not a valid email address.", shown)
	}
	if s == "" || len(s) > maxRawAddress || !utf8.ValidString(s) || strings.ContainsFunc(s, isInvisible) {
		return bad()
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return bad()
	}
	local, domain := strings.ToLower(s[:at]), s[at+1:]
	if !isDotAtom(local) || len(local) > maxLocalPart {
		return bad()
	}
	if domain == "" || strings.HasPrefix(domain, "[") {
		return bad() // an address literal names a host, not a mailbox we should write to
	}
	ascii, err := domainProfile.ToASCII(domain)
	if err != nil || ascii == "" || len(ascii) > maxDomain || strings.HasSuffix(ascii, ".") {
		return bad()
	}
	labels := strings.Split(ascii, ".")
	if len(labels) < 2 && ascii != "localhost" {
		return bad()
	}
	for _, l := range labels {
		if l == "" || len(l) > maxLabel {
			return bad()
		}
	}
	if isNumeric(labels[len(labels)-1]) {
		return bad() // 127.0.0.1 and the like: a host address, not a domain
	}
	if uni, err := domainProfile.ToUnicode(ascii); err != nil || !singleScriptLabels(uni) {
		return bad()
	}
	addr := local + "@" + ascii
	if len(addr) > maxPath {
		return bad()
	}
	return addr, nil
}

// HasInvisible reports whether s holds a character that has no business in
// a single-line label shown to people: control (line breaks, tabs, NUL),
// format (zero-width, bidi), line or paragraph separators, private-use or
// unassigned code points, or invalid UTF-8.
func HasInvisible(s string) bool { return !utf8.ValidString(s) || strings.ContainsFunc(s, isInvisible) }

// isInvisible reports whether r has no business in an address or a name:
// control (Cc), format (Cf: zero-width characters, bidi overrides, soft
// hyphen), line and paragraph separators, and unassigned or private-use code points.
func isInvisible(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Co, unicode.Cs) ||
		r == utf8.RuneError || !unicode.Is(unicode.L, r) && !unicode.In(r, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z)
}

// isDotAtom reports whether s is an RFC 5322 dot-atom of ASCII atext.
func isDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.':
		case strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

func isNumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// allowedMixes are the sets of scripts one label may combine (UTS #39,
// "highly restrictive"); any label may also use a single script alone.
var allowedMixes = []map[string]bool{
	{"Latin": true, "Han": true, "Hiragana": true, "Katakana": true},
	{"Latin": true, "Han": true, "Bopomofo": true},
	{"Latin": true, "Han": true, "Hangul": true},
}

// singleScriptLabels reports whether every label of a Unicode domain writes
// its letters in one script (Common and Inherited characters such as digits
// and hyphens go with any), or in one of the allowedMixes.
func singleScriptLabels(domain string) bool {
	for _, label := range strings.Split(domain, ".") {
		scripts := map[string]bool{}
		for _, r := range label {
			if r < utf8.RuneSelf {
				if 'a' <= r && r <= 'z' {
					scripts["Latin"] = true
				}
				continue
			}
			if name := scriptOf(r); name != "" && name != "Common" && name != "Inherited" {
				scripts[name] = true
			}
		}
		if len(scripts) > 1 && !mixAllowed(scripts) {
			return false
		}
	}
	return true
}

func mixAllowed(scripts map[string]bool) bool {
	for _, mix := range allowedMixes {
		ok := true
		for s := range scripts {
			ok = ok && mix[s]
		}
		if ok {
			return true
		}
	}
	return false
}

func scriptOf(r rune) string {
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// maxName is the longest name, in characters.
const maxName = 200

// NormalizeName trims a display name and checks it. It returns an
// INVALID_INPUT error for an empty or overlong name (over 200 characters),
// and for one holding control characters (line breaks, tabs, NUL: they
// would forge lines in emails' plain-text part), format characters
// (zero-width and bidi controls), line or paragraph separators, or invalid UTF-8.
func NormalizeName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxName {
		return "", apperr.New(apperr.InvalidInput, "A name must have between 1 and %d characters.", maxName)
	}
	if HasInvisible(s) {
		return "", apperr.New(apperr.InvalidInput, "A name may not contain line breaks, tabs, or control or invisible formatting characters.")
	}
	return s, nil
}
