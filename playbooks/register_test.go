package playbooks

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"

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
	// The Spanish sources: not manual.yaml (its texts are not instructions)
	// nor the translations, ID.LOCALE.yaml.
	checked := eachProse(t, "*.yaml", func(name string) bool {
		return name != "manual.yaml" && strings.Count(name, ".") == 1
	}, func(name string, n *yaml.Node) {
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

// eachProse calls f on every prose text of the playbook files that match
// pattern and that keep accepts, and returns how many texts it saw.
func eachProse(t *testing.T, pattern string, keep func(name string) bool, f func(name string, n *yaml.Node)) int {
	t.Helper()
	files, err := fs.Glob(FS, pattern)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if !keep(name) {
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
			f(name, n)
		})
	}
	return checked
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

// Polish and European Portuguese operational manuals write procedures and
// checklists in the infinitive ("Sprawdzić z dwóch sieci", "Verificar, a
// partir de duas redes"), as the Spanish source does: the translations never
// address the team in the second person plural ("Sprawdźcie", "Verifiquem").

// plImperative matches a Polish second-person plural imperative by its ending:
// -cie after j, ź, ń, ć, dz, rz, sz, cz, ż, b, w, p, l, m or d (Sprawdźcie,
// Zadzwońcie, Wyślijcie, Powiedzcie, Odbierzcie, Zabezpieczcie, Przekażcie,
// Zróbcie, Zostawcie, Kupcie, Ustalcie, Powiadomcie). Nouns and adverbs in
// -cie have another letter before it (incydencie, koncie, budżecie, wsparcie,
// zdjęcie, powrocie, osobiście), so no exception list is needed.
var plImperative = regexp.MustCompile(`(?i)^\pL+(j|ź|ń|ć|dz|rz|sz|cz|ż|b|w|p|l|m|d)cie$`)

// plSecondPlural are the second-person plural forms the ending rule cannot
// tell from a noun: imperatives in -ście (Zgłoście; osobiście is an adverb)
// and the present and future tense (wiecie, ogłosicie; budżecie is a noun).
var plSecondPlural = map[string]bool{
	"zgłoście": true, "ogłoście": true, "poproście": true, "przenieście": true,
	"wymuście": true, "puście": true, "zapłaćcie": true,
	"wiecie": true, "macie": true, "możecie": true, "musicie": true, "jesteście": true,
	"będziecie": true, "ogłosicie": true, "zrobicie": true, "wyślecie": true,
}

// ptImperative are the European Portuguese imperatives addressed to vocês that
// the manual's translations have used. The same forms are the present
// subjunctive after "que" ("Pedir aos clientes que alterem a palavra-passe"),
// which is not flagged.
var ptImperative = map[string]bool{
	"verifiquem": true, "liguem": true, "confirmem": true, "enviem": true, "abram": true,
	"digam": true, "revejam": true, "alterem": true, "peçam": true, "respondam": true,
	"usem": true, "publiquem": true, "passem": true, "registem": true, "escrevam": true,
	"retomem": true, "retirem": true, "guardem": true, "avisem": true, "apaguem": true,
	"anunciem": true, "suspendam": true, "esperem": true, "decidam": true, "contem": true,
	"consultem": true, "reponham": true, "repitam": true, "reiniciem": true, "reenviem": true,
	"revoguem": true, "gravem": true, "façam": true, "descarreguem": true, "deem": true,
	"contactem": true, "comparem": true, "colem": true, "assinalem": true, "agradeçam": true,
	"acrescentem": true, "vejam": true, "tranquilizem": true, "reforcem": true,
	"preparem": true, "notifiquem": true, "forcem": true, "escolham": true, "denunciem": true,
	"apurem": true, "anotem": true, "analisem": true, "leiam": true, "mantenham": true,
	"ponham": true, "telefonem": true, "mandem": true, "tirem": true, "desliguem": true,
	"terminem": true, "comprem": true,
}

// ptSentenceStart matches a word ending in -em or -am, with its clitic
// (Enviem-lhes), that opens a sentence: an instruction to vocês starts with
// its verb, a description with its subject ("As lojas afixam o aviso").
var ptSentenceStart = regexp.MustCompile(`(?i)^\pL+(em|am)(-\pL+)?$`)

// notPtImperative open sentences and end in -em or -am without being an
// imperative: words that are no verb, and the impersonal "Ligam do armazém"
// (someone calls from the warehouse) of a drill's event.
var notPtImperative = map[string]bool{
	"ligam": true, "telefonam": true, "perguntam": true, "escrevem": true,
	"também": true, "sem": true, "nem": true, "bem": true, "além": true, "porém": true,
	"em": true, "quem": true, "ninguém": true, "alguém": true, "cem": true, "tem": true,
	"têm": true, "mensagem": true, "contagem": true, "origem": true, "ordem": true,
	"imagem": true, "instagram": true, "telegram": true, "viagem": true, "margem": true,
}

// sentence splits a text into its sentences and the clauses after a colon or
// semicolon, each of which may open with an instruction.
var sentence = regexp.MustCompile(`[.;:!?]\s+|\n\s*\n`)

func TestTranslatedProseIsInTheInfinitive(t *testing.T) {
	for _, lang := range []string{"pl", "pt"} {
		all := func(string) bool { return true }
		checked := eachProse(t, "*."+lang+".yaml", all, func(name string, n *yaml.Node) {
			for _, w := range secondPlural(lang, n.Value) {
				t.Errorf("%s:%d: %q addresses the team in the second person plural; write the instruction in the infinitive: %s",
					name, n.Line, w, n.Value)
			}
		})
		if checked < 100 {
			t.Fatalf("%s: only %d texts checked: the walk no longer finds the translations' prose", lang, checked)
		}
	}
}

// secondPlural returns the words of text, in Polish (pl) or Portuguese (pt),
// that address the reader in the second person plural.
func secondPlural(lang, text string) []string {
	var found []string
	for _, s := range sentence.Split(text, -1) {
		words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '_' })
		for i, w := range words {
			lw := strings.ToLower(strings.Trim(w, "-"))
			if strings.Contains(lw, "_") {
				continue // a variable's name
			}
			switch lang {
			case "pl":
				if plImperative.MatchString(lw) || plSecondPlural[lw] {
					found = append(found, w)
				}
			case "pt":
				verb, _, _ := strings.Cut(lw, "-")
				opens := i == 0 || i == 1 && strings.EqualFold(words[0], "não")
				// "Completam-se depois": a verb with -se is the impersonal
				// present, not an instruction.
				reflexive := strings.HasSuffix(lw, "-se")
				afterQue := i > 0 && strings.EqualFold(words[i-1], "que")
				if ptImperative[verb] && !afterQue ||
					opens && !reflexive && ptSentenceStart.MatchString(lw) && !notPtImperative[verb] {
					found = append(found, w)
				}
			}
		}
	}
	return found
}

func TestSecondPluralCatchesTheFormsItIsFor(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       int
	}{
		{"pl", "Sprawdźcie z dwóch sieci. Zadzwońcie do rzecznika i dajcie znać.", 3},
		{"pl", "Zgłoście konto; nie wiecie jeszcze, czy Wyślijcie", 3},
		{"pl", "Powiadomcie, Odbierzcie, Zabezpieczcie, Przekażcie, Ustalcie, Zróbcie", 6},
		{"pl", "Sprawdzić z dwóch sieci i zadzwonić do rzecznika osobiście po incydencie", 0},
		{"pl", "Na koncie, w budżecie, w internecie, Mecie, wsparcie, otwarcie, zdjęcie, po powrocie", 0},
		{"pt", "Verifiquem a partir de duas redes. Liguem ao porta-voz.", 2},
		{"pt", "Abram um pedido e liguem para a linha. Enviem-lhes um e-mail.", 3},
		{"pt", "Não prometam nada. Reabram a loja.", 2},
		{"pt", "Verificar, a partir de duas redes, e ligar ao porta-voz.", 0},
		{"pt", "As lojas afixam o aviso. Também no Instagram: mensagem para quem precisem.", 0},
		{"pt", "Pedir aos clientes que alterem a palavra-passe e aos fornecedores que reenviem as faturas.", 0},
		{"pt", "Os factos: completam-se depois. Ligam do armazém de Saragoça.", 0},
	} {
		if got := secondPlural(c.lang, c.text); len(got) != c.want {
			t.Errorf("%s %q: found %q, want %d", c.lang, c.text, got, c.want)
		}
	}
}
