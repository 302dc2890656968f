package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSystemZone: $TZ first, then the zone /etc/localtime links to (as
// Debian and macOS set it), else UTC; each says where it came from.
func TestSystemZone(t *testing.T) {
	dir := t.TempDir()
	zoneinfo := filepath.Join(dir, "usr", "share", "zoneinfo", "Europe")
	if err := os.MkdirAll(zoneinfo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(zoneinfo, "Warsaw"), []byte("TZif"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "localtime")
	if err := os.Symlink(filepath.Join(zoneinfo, "Warsaw"), link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ tz, localtime, zone, from string }{
		{"America/Lima", link, "America/Lima", "$TZ"},
		{":Europe/Madrid", link, "Europe/Madrid", "$TZ"},
		{"", link, "Europe/Warsaw", link},
		{"Nowhere/Else", link, "Europe/Warsaw", link},
		{"", filepath.Join(dir, "missing"), "UTC", "default"},
	} {
		if zone, from := systemZone(tc.tz, tc.localtime); zone != tc.zone || from != tc.from {
			t.Errorf("TZ=%q, localtime %s: %s from %s; want %s from %s", tc.tz, tc.localtime, zone, from, tc.zone, tc.from)
		}
	}
}

// TestZoneDidYouMean: a misspelt zone is refused with the nearest name of
// the tz database.
func TestZoneDidYouMean(t *testing.T) {
	if _, err := os.Stat(filepath.Join(zoneinfoDir, "Europe", "Warsaw")); err != nil {
		t.Skip("no tz database in " + zoneinfoDir)
	}
	o := whatsappShop()
	o.Timezone = "Europe/Warsow"
	err := o.Validate()
	if err == nil || !strings.Contains(err.Error(), `did you mean "Europe/Warsaw"?`) {
		t.Errorf("Europe/Warsow: %v; want did you mean \"Europe/Warsaw\"?", err)
	}
}

// TestInitRefusalsReadWell: a file given as the folder is named as such,
// and files already there are refused in the right number.
func TestInitRefusalsReadWell(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(file, whatsappShop()); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("init FILE: %v", err)
	}
	for _, f := range []string{"playbooks/manual.yaml", "templates/es.yaml"} {
		p := filepath.Join(dir, "shop", filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Init(filepath.Join(dir, "shop"), whatsappShop())
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "playbooks/manual.yaml, templates/es.yaml already exist;") {
		t.Errorf("two files there: %v", err)
	}
}
