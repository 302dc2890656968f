package drill_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
)

// An SMS that a regional catalogue words for its market (es-PE's own SMS
// of email-holding, for Peru's SMS line) is asked about as that market
// reads it, and the answer's source is the regional text, not the es one
// it replaces: the quiz took its texts from the supported locales alone.
func TestQuizSMSOfARegionalCatalogue(t *testing.T) {
	fsys := exampletest.Files(t)
	pe := "templates/es-PE.yaml"
	text := string(fsys[pe].Data)
	line := strings.Count(text, "\n") + 3 // the other: line of the text appended, its quote at column 12
	const sms = "Rioverde Perú: nuestro correo no funciona; tu pedido sigue en marcha. Dudas: {{.support_phone}}."
	fsys[pe] = &fstest.MapFile{Data: []byte(text + "email-holding:\n  sms:\n    other: \"" + sms + "\"\n")}
	m, diags, err := manual.Load(fsys, ".")
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	asked := false
	for seed := uint64(0); seed < 32; seed++ {
		for _, q := range drill.Quiz(m, m.Playbook("email-down"), 6, seed, english) {
			if !strings.HasPrefix(q.Text, "How many SMS segments") || !strings.Contains(q.Text, "0800 10200") {
				continue // not Peru's SMS
			}
			asked = true
			want := strings.Replace(sms, "{{.support_phone}}", "0800 10200", 1)
			if !strings.Contains(q.Text, want) || q.Source.File != "templates/es-PE.yaml" || q.Source.Line != line || q.Source.Col != 12 {
				t.Errorf("Peru's SMS: %q from %s; want %q from templates/es-PE.yaml:%d:12", q.Text, q.Source, want, line)
			}
		}
	}
	if !asked {
		t.Error("no question about Peru's SMS in 32 quizzes")
	}
}
