package lint

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// The minimal valid manual every rule test starts from: two locales (en
// with one/other, pl with one/few/many/other), one scenario, every rule
// satisfied. Each case changes it a little.
const baseManual = `crisis: 1
kind: manual
organisation: Acme
version: "1"
timezone: Europe/Madrid
locales:
  default: en
  supported: [en, pl]
approval:
  approved_by: [ceo]
  approved_on: 2026-09-01
  review_every: 3650d
audiences:
  - id: customers
    description: Buyers
  - id: staff
    description: Employees
domains:
  - id: meta
    description: Meta
  - id: telecom
    description: Mobile operators
  - id: hosting
    description: Web hosting
channels:
  - id: facebook-page
    kind: facebook
    audiences: [customers]
    domain: meta
    owner: spokesperson
  - id: whatsapp
    kind: whatsapp
    audiences: [customers]
    domain: meta
    owner: spokesperson
  - id: status-page
    kind: status-page
    audiences: [customers]
    domain: hosting
    owner: spokesperson
  - id: sms-staff
    kind: sms
    audiences: [staff]
    domain: telecom
    owner: spokesperson
    limit: 1
roles:
  - id: spokesperson
    title: Speaks
    person: ana
    deputies: [ben]
  - id: approver
    title: Approves
    person: ceo
    deputies: [ben]
people:
  - id: ana
    name: Ana
    contacts:
      - {via: phone, value: "1"}
  - id: ben
    name: Ben
    contacts:
      - {via: phone, value: "2"}
  - id: ceo
    name: Cleo
    contacts:
      - {via: phone, value: "3"}
variables:
  - name: status_url
    description: Where to follow
    example: status.example
    max_length: 20
`

const basePlaybook = `crisis: 1
kind: playbook
title: Facebook is down
severity: high
detection: The page does not load
down:
  channels: [facebook-page]
fallbacks:
  customers: [status-page]
  staff: [sms-staff]
spokesperson: spokesperson
approver: approver
variables:
  - name: platform
    description: What is down
    example: Facebook
    max_length: 10
steps:
  - id: holding
    title: Holding message
    kind: holding
    owner: spokesperson
    deadline: 10m
    announce:
      - message: holding
        audiences: [customers]
        channels: [status-page]
      - message: staff-brief
        audiences: [staff]
        channels: [sms-staff]
  - id: all-clear
    title: All clear
    kind: all-clear
    owner: spokesperson
    deadline: 2h
    announce:
      - message: all-clear
        audiences: [customers]
        channels: [status-page]
updates:
  every: 30m
  message: update
  audiences: [customers]
  channels: [status-page]
`

// baseSources are the en source texts, description and other, from which
// the pl hashes are computed.
var baseSources = []struct{ id, desc, other string }{
	{"holding.default", "First message", "{{.platform}} is down. Follow {{.status_url}}."},
	{"staff-brief.sms", "Staff brief", "{{.platform}} is down. Use SMS."},
	{"all-clear.default", "End", "{{.platform}} works again."},
	{"update.default", "Update", "Still down. Next update in {{.update_minutes}} minutes."},
}

const baseEN = `holding:
  default:
    description: First message
    other: "{{.platform}} is down. Follow {{.status_url}}."
staff-brief:
  sms:
    description: Staff brief
    other: "{{.platform}} is down. Use SMS."
all-clear:
  default:
    description: End
    other: "{{.platform}} works again."
update:
  default:
    description: Update
    one: "Still down. Next update in {{.update_minutes}} minute."
    other: "Still down. Next update in {{.update_minutes}} minutes."
`

const basePL = `holding:
  default:
    description: Pierwszy
    hash: @holding.default@
    other: "{{.platform}} nie działa. Śledź {{.status_url}}."
staff-brief:
  sms:
    hash: @staff-brief.sms@
    other: "{{.platform}} nie dziala. SMS."
all-clear:
  default:
    hash: @all-clear.default@
    other: "{{.platform}} znow dziala."
update:
  default:
    hash: @update.default@
    one: "Kolejna informacja za {{.update_minutes}} minutę."
    few: "Kolejna informacja za {{.update_minutes}} minuty."
    many: "Kolejna informacja za {{.update_minutes}} minut."
    other: "Kolejna informacja za {{.update_minutes}} minuty."
`

// Files of the base manual, by path.
const (
	fManual   = "playbooks/manual.yaml"
	fPlaybook = "playbooks/fb-down.yaml"
	fEN       = "templates/en.yaml"
	fPL       = "templates/pl.yaml"
)

// edit replaces old by new, once, in file; a new file is written whole when
// old is empty.
type edit struct{ file, old, new string }

// baseFiles returns the base manual with its pl hashes filled in.
func baseFiles() map[string]string {
	pl := basePL
	for _, s := range baseSources {
		pl = strings.ReplaceAll(pl, "@"+s.id+"@", fmt.Sprintf("sha1-%x", sha1.Sum([]byte(s.desc+s.other))))
	}
	return map[string]string{fManual: baseManual, fPlaybook: basePlaybook, fEN: baseEN, fPL: pl}
}

// build applies edits to the base manual. An edit whose old text is not
// there fails the test: a case must not silently test the base manual.
func build(t testing.TB, edits ...edit) map[string]string {
	files := baseFiles()
	for _, e := range edits {
		if e.old == "" {
			files[e.file] = e.new
			continue
		}
		if !strings.Contains(files[e.file], e.old) {
			t.Fatalf("edit: %q not found in %s", e.old, e.file)
		}
		files[e.file] = strings.Replace(files[e.file], e.old, e.new, 1)
	}
	return files
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}
