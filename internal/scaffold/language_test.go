package scaffold

import (
	"regexp"
	"strings"
	"testing"
)

// allText is every file init writes for a retailer with every channel, in
// locale, as one text.
func allText(t *testing.T, locale string) string {
	t.Helper()
	o := retailer(locale)
	o.Small = locale != "en" // the small-organisation comments too
	files, err := Files(o)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		b.Write(f.Data)
		b.WriteString("\n")
	}
	return b.String()
}

// TestLowercaseAfterColon: Spanish, Portuguese and Polish write what
// follows a colon in lowercase, proper names excepted ("Primer mensaje:
// nuestro correo no funciona", "Primer mensaje: WhatsApp no funciona").
func TestLowercaseAfterColon(t *testing.T) {
	for locale, want := range map[string][]string{
		"es": {"Primer mensaje: nuestro correo no funciona", "{{.organisation}}: nuestro correo electrónico no funciona en este momento.", "Primer mensaje: WhatsApp no funciona"},
		"pt": {"Primeiro aviso: o nosso e-mail", "{{.organisation}}: o nosso e-mail"},
		"pl": {"Pierwszy komunikat: nasza poczta", "{{.organisation}}: nasza poczta"},
	} {
		text := allText(t, locale)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", locale, w)
			}
		}
		// A colon inside a value, not the one after a YAML key.
		key := regexp.MustCompile(`^\s*(- )?[\w-]+: `)
		capital := regexp.MustCompile(`: (Nuestr[oa]|O nosso|A nossa|Nasz[a]?) `)
		for _, line := range strings.Split(text, "\n") {
			if bad := capital.FindString(key.ReplaceAllString(line, "")); bad != "" {
				t.Errorf("%s: capital after a colon: %s", locale, line)
			}
		}
	}
}

// TestNativeWording: corrections a native writer asked for, by language.
func TestNativeWording(t *testing.T) {
	for locale, c := range map[string]struct{ want, not []string }{
		"es": {
			want: []string{"todo el equipo se guía por él", "sustituirlos", "ni nadie que os sustituya", "No hay canal para el personal: no hay plantilla.",
				"downdetector confirma la caída", "Compruébalo tú antes", "Lee el registro del incidente", "cuando vence la fecha", "Gracias por vuestra paciencia"},
			not: []string{"actúa según él", "sustituirles", "confirman la caída", "tú mismo", "diario de la ejecución", "por tu paciencia", "Puedes seguir"},
		},
		"pt": {
			want: []string{"Manual de crise — Ríoverde Hogar", "submeta-o a aprovação", "para os quais são traduzidas", "se a Meta falhar", "nem ninguém que os substitua", "Leia o registo do incidente",
				"os suplentes assumem a função", "Agradecemos a sua paciência", "toda a equipa o segue", "Enviar o primeiro aviso"},
			not: []string{"Manual de crise de ", "peça a sua aprovação", "para que são traduzidas", "se a Meta falha,", "diário da execução", "Mensagens de Ríoverde",
				"substitutos", "Obrigado", "playbook próprio", "língua", "a vocês"},
		},
		"pl": {
			want: []string{"sprawdź to osobiście", "Przeczytaj dziennik zdarzeń incydentu", "kiedy podasz więcej informacji", "Nadal mogą Państwo",
				"Wszystkie osoby, które z nami pracują", "jej rolę przejmują po kolei zastępcy", "aż do końca incydentu", "do sposobu pracy waszego zespołu"},
			not: []string{"sprawdź to sam", "dziennik przebiegu", "Nadal możesz", "napisz do nas", "Wszyscy, którzy", "złapać", "odwołania alarmu", "Waszego"},
		},
		"en": {want: []string{"Everyone follows it in a crisis."}, not: []string{"acts by it"}},
	} {
		text := allText(t, locale)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", locale, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(text, n) {
				t.Errorf("%s: still %q", locale, n)
			}
		}
	}
}

// TestApprovalIsDeclaredNotAssumed: init cannot know the manual was
// approved; it fills in the approver so the manual lints clean, and the
// comment says that is no approval until the approver confirms it.
func TestApprovalIsDeclaredNotAssumed(t *testing.T) {
	for locale, want := range map[string]string{
		"en": "it is only an approval once that person has read the manual and confirmed it",
		"es": "solo es una aprobación cuando esa persona lo haya leído y confirmado",
		"pt": "só conta como aprovação depois de essa pessoa o ler e confirmar",
		"pl": "zatwierdzenie obowiązuje dopiero wtedy, gdy ta osoba przeczyta podręcznik i go zaakceptuje",
	} {
		text := strings.Join(strings.Fields(strings.ReplaceAll(allText(t, locale), "#", "")), " ")
		if !strings.Contains(text, want) {
			t.Errorf("%s: the approval comment does not say %q", locale, want)
		}
	}
}
