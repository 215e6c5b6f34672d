package server_test

import (
	"testing"

	"github.com/rosterhq/roster/internal/apptest"
)

func TestMain(m *testing.M) { apptest.Main(m) }
