package invite_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/invite"
)

func TestParseAddresses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		valid    []string
		rejected []string
	}{
		{"the issue's list", "a@x.test, b@x.test;c@x.test  a@x.test bad", []string{"a@x.test", "b@x.test", "c@x.test"}, []string{"bad"}},
		{"any mix of separators and line breaks", "a@x.test,,;; \n\r\n\tb@x.test;", []string{"a@x.test", "b@x.test"}, nil},
		{"case folded, duplicates folded", "Ann@X.Test ann@x.test ANN@x.TEST", []string{"ann@x.test"}, nil},
		{"empty", " ,; \n", nil, nil},
		{"invalid ones kept once each", "x x @x.test a@ a@b", nil, []string{"x", "@x.test", "a@", "a@b"}},
		{"display names are not addresses", "Ann <ann@x.test>", nil, []string{"Ann", "<ann@x.test>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			valid, rejected := invite.ParseAddresses(tc.in)
			require.Equal(t, tc.valid, valid)
			var bad []string
			for _, r := range rejected {
				require.Equal(t, apperr.InvalidInput, r.Code)
				require.Contains(t, r.Message, r.Address)
				bad = append(bad, r.Address)
			}
			require.Equal(t, tc.rejected, bad)
		})
	}
}
