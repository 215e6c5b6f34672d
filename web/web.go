// Package web holds the admin app's production build (dist/, made by
// `npm run build` and committed, so `go build` needs no npm). The Go code
// that serves it is internal/webapp; this package only embeds the files,
// because go:embed cannot reach a parent directory.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app: index.html at its root and the hashed bundles
// under assets/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time: it always exists.
	}
	return sub
}
