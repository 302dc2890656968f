package playbooks

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The Spanish source is read in Spain, Peru and Ecuador: its instructions are
// written in the infinitive ("Comprobar desde dos redes") and its checklists
// as noun phrases, never with vosotros, which Latin America does not use.

// vosotros matches the vosotros forms of Spanish prose: the imperative
// ("Comprobad", "Llamad", "pasad"), with its pronouns ("Denunciadlos",
// "escribidles"), the present and subjunctive ("no esperéis", "conozcáis") and
// the pronouns "os" and "vuestro".
var vosotros = regexp.MustCompile(`(?i)^(\pL+[aei]d(l[aeo]s?|me|nos)?|\pL+[áé]is|os|vuestr[ao]s?)$`)

// notVosotros are words that look like a vosotros form and are not: nouns in
// -dad and -tad (seguridad, ciudad, mitad) and these.
var notVosotros = map[string]bool{
	"red": true, "pared": true, "sed": true, "usted": true, "césped": true,
	"huésped": true, "madrid": true, "david": true, "bid": true,
}

// prose are the keys whose values a person reads: title, detection,
// instructions, checklist items, drill events and expectations, and the
// descriptions of variables.
var prose = map[string]bool{
	"title": true, "detection": true, "instructions": true, "checklist": true,
	"event": true, "expect": true, "description": true,
}

func TestSpanishProseHasNoVosotros(t *testing.T) {
	files, err := fs.Glob(FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		// The Spanish sources: not manual.yaml (its texts are not
		// instructions) nor the translations, ID.LOCALE.yaml.
		if name == "manual.yaml" || strings.Count(name, ".") > 1 {
			continue
		}
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		walkProse(&doc, false, func(n *yaml.Node) {
			checked++
			for _, w := range strings.FieldsFunc(n.Value, notLetter) {
				lw := strings.ToLower(w)
				if strings.Contains(w, "_") {
					continue // a variable's name, as in set affected_stores=15
				}
				if vosotros.MatchString(w) && !notVosotros[lw] &&
					!strings.HasSuffix(lw, "dad") && !strings.HasSuffix(lw, "tad") {
					t.Errorf("%s:%d: %q addresses the reader with vosotros; write the instruction in the infinitive: %s",
						name, n.Line, w, n.Value)
				}
			}
		})
	}
	if checked < 100 {
		t.Fatalf("only %d texts checked: the walk no longer finds the playbooks' prose", checked)
	}
}

func TestVosotrosCatchesTheFormsItIsFor(t *testing.T) {
	for _, w := range []string{"Comprobad", "Llamad", "pasad", "usad", "Responded", "Releed",
		"escribidles", "Denunciadlos", "Notificadlo", "anunciadlo", "Tranquilizadlos",
		"esperéis", "conozcáis", "repitáis", "reiniciéis", "Decid", "dadlo", "os", "vuestra"} {
		if !vosotros.MatchString(w) {
			t.Errorf("%q is not caught", w)
		}
	}
}

// walkProse calls f on every string that is the value, or an item of the
// value, of a prose key.
func walkProse(n *yaml.Node, inProse bool, f func(*yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			walkProse(c, inProse, f)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkProse(n.Content[i+1], prose[n.Content[i].Value], f)
		}
	case yaml.ScalarNode:
		if inProse {
			f(n)
		}
	}
}

func notLetter(r rune) bool {
	return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && strings.ContainsRune("áéíóúüñÁÉÍÓÚÜÑ", r))
}
