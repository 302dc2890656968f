// Package schema embeds the JSON Schemas of the manual's files, so the
// crisis binary can write them where a user's editor finds them
// (`crisis schema`, `crisis init`) instead of pointing at this repository.
package schema

import "embed"

// FS holds manual.schema.json, playbook.schema.json and
// messages.schema.json.
//
//go:embed *.schema.json
var FS embed.FS
