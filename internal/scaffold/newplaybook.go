package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
)

// ScenarioPlaybook adds to the manual at root a playbook init knows
// (x-down, email-down ...), written from the manual's own channels,
// audiences, roles and languages as init would have written it, with its
// messages appended to each message file. It checks everything before
// writing anything, and overwrites nothing: a playbook or a message of the
// same id already there is refused.
func ScenarioPlaybook(root string, m *manual.Manual, id string) ([]string, error) {
	if !idRE.MatchString(id) {
		return nil, usagef("%q is not a playbook id: lowercase letters, digits and dashes, e.g. x-down", id)
	}
	if err := refuseExisting(root, id); err != nil {
		return nil, err
	}
	s := scenarioByID(id)
	if s == nil {
		return nil, usagef("crisis can write %s from scratch; for %s, start from a playbook the manual has: --like OTHER", strings.Join(ScenarioIDs(), ", "), id)
	}
	mod, err := modelOf(m)
	if err != nil {
		return nil, err
	}
	if !mod.fits(*s) {
		return nil, fmt.Errorf("%s is about channels of kind %s, and the manual has none", id, strings.Join(s.kinds, " or "))
	}
	if err := mod.checkScenario(*s); err != nil {
		return nil, err
	}
	mod.scenarios = []scenario{*s}
	mod.schemaBase = schemaBase(root)
	have := map[string]bool{}
	for _, tf := range m.Templates {
		for _, msg := range tf.Messages {
			top, _, _ := strings.Cut(msg.ID, ".")
			have[top] = true
		}
	}
	var msgs []message
	for _, msg := range mod.messages() {
		switch {
		case msg.scenario == "" && have[msg.id]:
			// Shared (update): the manual's own serves.
		case have[msg.id]:
			return nil, fmt.Errorf("the manual already has a message %s: rename it, or start from a playbook with --like", msg.id)
		default:
			msgs = append(msgs, msg)
		}
	}
	files := make([]string, 0, len(mod.locales))
	for _, l := range mod.locales {
		f := filepath.Join(root, "templates", l+".yaml")
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("no message file for %s: %w", l, err)
		}
		files = append(files, f)
	}
	rel := path.Join("playbooks", id+".yaml")
	if err := Write(root, []File{{rel, mod.playbookFile(*s)}}); err != nil {
		return nil, err
	}
	written := []string{rel}
	for i, l := range mod.locales {
		if err := appendFile(files[i], mod.messagesText(l, msgs)); err != nil {
			return written, err
		}
		written = append(written, path.Join("templates", l+".yaml"))
	}
	return written, nil
}

// modelOf reads what the generator needs from an existing manual.
func modelOf(m *manual.Manual) (*model, error) {
	o := &Options{Organisation: m.Organisation, Locale: m.Locales.Default}
	for _, l := range m.Locales.Supported {
		if l != o.Locale {
			o.Others = append(o.Others, l)
		}
	}
	mod := &model{o: o, t: textsFor(o.Locale), locales: append([]string{o.Locale}, o.Others...)}
	for _, l := range mod.locales {
		if textsFor(l) == nil {
			return nil, fmt.Errorf("crisis has no texts in %s to write messages in; start from a playbook the manual has: --like OTHER", l)
		}
	}
	for _, role := range []string{"spokesperson", "approver"} {
		if !slices.ContainsFunc(m.Roles, func(r manual.Role) bool { return r.ID == role }) {
			return nil, fmt.Errorf("the manual has no role %s for the new playbook; start from a playbook it has: --like OTHER", role)
		}
	}
	for _, a := range m.Audiences {
		mod.audiences = append(mod.audiences, a.ID)
	}
	for _, c := range m.Channels {
		var aud []string
		for _, a := range c.Audiences {
			aud = append(aud, a.ID)
		}
		mod.channels = append(mod.channels, mchannel{&channelDef{id: c.ID, kind: c.Kind, domain: c.Domain.ID, serves: aud}, aud})
	}
	if len(mod.channels) == 0 {
		return nil, errors.New("the manual has no channels")
	}
	return mod, nil
}

// schemaBase is where the manual's own modelines point (manual.yaml's
// first line), so a new playbook's points at the same schemas.
func schemaBase(root string) string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(manual.ManualFile)))
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(string(data), "\n")
	ref, ok := strings.CutPrefix(strings.TrimSpace(first), "# yaml-language-server: $schema=")
	if base, found := strings.CutSuffix(ref, "manual.schema.json"); ok && found {
		return base
	}
	return ""
}

func appendFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	// A blank line after the file's last message, which may lack its newline.
	_, err = f.Write(append([]byte("\n"), data...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
