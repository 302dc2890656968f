package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// A Spanish, Polish or Portuguese report names cadence updates, deadline
// ticks and the all-clear in its own words; the JSON keeps the English.
func TestRunWordsInTheReadersLanguage(t *testing.T) {
	rep := built(t, incident(t))
	for _, c := range []struct {
		tag      language.Tag
		md, html []string
	}{
		{language.Spanish,
			[]string{
				"2026-11-23 03:53:00, Actualización 1, mensaje `update`, aprobado por ",
				": novedades de Actualización 1 (es): Facebook vuelve a cargar en algunos móviles.\n",
				"- Plazos: 5 en total; 3 cumplidos, 1 con retraso, 1 omitido y 0 pendientes\n",
			},
			[]string{"<title>plazo: Send the holding message</title>", "<title>fin del incidente</title>", " · Actualización 1 · mensaje "}},
		{language.Polish,
			[]string{
				"2026-11-23 03:53:00, Aktualizacja 1, wiadomość `update`, ",
				"- Terminy: 3 dotrzymane, 1 przekroczony, 1 pominięty, 0 otwartych, razem 5\n",
			},
			[]string{"<title>termin: Send the holding message</title>", "<title>koniec incydentu</title>"}},
		{language.Portuguese,
			[]string{
				"2026-11-23 03:53:00, Atualização 1, mensagem `update`, ",
				"- Prazos (5): 3 cumpridos, 1 com atraso, 1 saltado, 0 pendentes\n",
			},
			[]string{"<title>prazo: Send the holding message</title>", "<title>fim do incidente</title>"}},
	} {
		md := rendered(t, Markdown, rep, lang.For(c.tag))
		html := rendered(t, HTML, rep, lang.For(c.tag))
		for _, w := range c.md {
			if !strings.Contains(md, w) {
				t.Errorf("%s Markdown lacks %q:\n%s", c.tag, w, md)
			}
		}
		for _, w := range c.html {
			if !strings.Contains(html, w) {
				t.Errorf("%s HTML lacks %q", c.tag, w)
			}
		}
		for _, english := range []string{"Update 1", "deadline:", "<title>all-clear</title>"} {
			if strings.Contains(md+html, english) {
				t.Errorf("%s report still says %q", c.tag, english)
			}
		}
	}
	js, _ := json.Marshal(rep.Sent)
	if !strings.Contains(string(js), `"step_title":"Update 1"`) {
		t.Errorf("JSON step title of the update not English: %s", js)
	}
}

// The summary's deadline counts take each language's plural forms.
func TestDeadlineCountsPlural(t *testing.T) {
	line := func(tag language.Tag, met, late, skipped, open int) string {
		r := &Report{Status: "finished", Summary: Summary{Deadlines: met + late + skipped + open, Met: met, Late: late, Skipped: skipped, Open: open}}
		return r.SummaryLines(lang.For(tag))[1]
	}
	for _, c := range []struct {
		tag                      language.Tag
		met, late, skipped, open int
		want                     string
	}{
		{language.English, 1, 2, 5, 12, "Deadlines: 1 met, 2 late, 5 skipped, 12 open, of 20"},
		{language.Spanish, 1, 1, 1, 1, "Plazos: 4 en total; 1 cumplido, 1 con retraso, 1 omitido y 1 pendiente"},
		{language.Spanish, 2, 5, 12, 0, "Plazos: 19 en total; 2 cumplidos, 5 con retraso, 12 omitidos y 0 pendientes"},
		{language.Polish, 1, 2, 5, 12, "Terminy: 1 dotrzymany, 2 przekroczone, 5 pominiętych, 12 otwartych, razem 20"},
		{language.Polish, 22, 25, 1, 2, "Terminy: 22 dotrzymane, 25 przekroczonych, 1 pominięty, 2 otwarte, razem 50"},
		{language.Polish, 5, 12, 22, 25, "Terminy: 5 dotrzymanych, 12 przekroczonych, 22 pominięte, 25 otwartych, razem 64"},
		{language.Portuguese, 1, 1, 1, 1, "Prazos (4): 1 cumprido, 1 com atraso, 1 saltado, 1 pendente"},
		{language.Portuguese, 0, 2, 0, 5, "Prazos (7): 0 cumpridos, 2 com atraso, 0 saltados, 5 pendentes"},
	} {
		if got := line(c.tag, c.met, c.late, c.skipped, c.open); got != c.want {
			t.Errorf("%s %d/%d/%d/%d:\n got %q\nwant %q", c.tag, c.met, c.late, c.skipped, c.open, got, c.want)
		}
	}
}

// A damaged journal's integrity line is in the reader's language; the
// JSON's stays English.
func TestDamagedJournalInTheReadersLanguage(t *testing.T) {
	r := incident(t)
	dmg := journal.Damage{Path: "runs/x/journal.jsonl", Line: 5, Kind: journal.DamageBadHash, Reason: "event 5: hash does not match its content", Dropped: 2}
	rep, err := Build(r.m, r.p, r.events[:4], dmg)
	if err != nil {
		t.Fatal(err)
	}
	if want := "journal damaged: runs/x/journal.jsonl:5: event 5: hash does not match its content (2 lines dropped); the report covers the valid prefix"; rep.Integrity != want {
		t.Errorf("JSON integrity:\n got %q\nwant %q", rep.Integrity, want)
	}
	for tag, want := range map[language.Tag]string{
		language.Spanish:    "registro dañado: runs/x/journal.jsonl:5: se ha editado una línea (2 líneas descartadas); el informe solo abarca la parte válida anterior al daño",
		language.Polish:     "dziennik uszkodzony: runs/x/journal.jsonl:5: wiersz został zmieniony (odrzucono 2 wiersze); raport obejmuje tylko poprawną część sprzed uszkodzenia",
		language.Portuguese: "registo danificado: runs/x/journal.jsonl:5: uma linha foi editada (2 linhas descartadas); o relatório abrange apenas a parte válida anterior ao dano",
	} {
		if got := rep.IntegrityLine(lang.For(tag)); got != want {
			t.Errorf("%s:\n got %q\nwant %q", tag, got, want)
		}
	}
	dmg.MovedTo = "runs/x/journal.jsonl.damaged-1"
	rep, _ = Build(r.m, r.p, r.events[:4], dmg)
	if want := "registro dañado: runs/x/journal.jsonl:5: se ha editado una línea (2 líneas descartadas); el original se ha conservado como runs/x/journal.jsonl.damaged-1; el informe solo abarca la parte válida anterior al daño"; rep.IntegrityLine(lang.For(language.Spanish)) != want {
		t.Errorf("Spanish, original kept:\n got %q\nwant %q", rep.IntegrityLine(lang.For(language.Spanish)), want)
	}
}

// A journal repaired when its run was resumed: the line says so in the
// reader's language, the count of lines lost in its plural forms.
func TestRepairedJournalInTheReadersLanguage(t *testing.T) {
	r := incident(t)
	for _, c := range []struct {
		dropped int
		want    map[language.Tag]string
	}{
		{1, map[language.Tag]string{
			language.English:    "(1 line lost); the damaged original is kept as journal.jsonl.damaged-1: the report does not cover what was lost",
			language.Spanish:    "; sin embargo, al reanudar la ejecución el registro estaba dañado y se reparó (el 2026-11-23 02:30:00: journal.jsonl:5: se ha editado una línea (1 línea perdida); el original dañado se conserva como journal.jsonl.damaged-1): el informe no abarca lo que se perdió",
			language.Polish:     "; jednak przy wznowieniu przebiegu dziennik był uszkodzony i został naprawiony (2026-11-23 02:30:00: journal.jsonl:5: wiersz został zmieniony (utracono 1 wiersz); uszkodzony oryginał zachowano jako journal.jsonl.damaged-1): raport nie obejmuje tego, co utracono",
			language.Portuguese: "; no entanto, ao retomar a execução, o registo estava danificado e foi reparado (em 2026-11-23 02:30:00: journal.jsonl:5: uma linha foi editada (1 linha perdida); o original danificado está guardado como journal.jsonl.damaged-1): o relatório não abrange o que se perdeu",
		}},
		{2, map[language.Tag]string{language.Polish: "(utracono 2 wiersze)", language.Spanish: "(2 líneas perdidas)", language.English: "(2 lines lost)"}},
		{5, map[language.Tag]string{language.Polish: "(utracono 5 wierszy)"}},
		{12, map[language.Tag]string{language.Polish: "(utracono 12 wierszy)"}},
		{22, map[language.Tag]string{language.Polish: "(utracono 22 wiersze)"}},
		{25, map[language.Tag]string{language.Polish: "(utracono 25 wierszy)"}},
	} {
		res := runbook.Resumed{Damage: "event 5: hash does not match its content",
			Repair: &runbook.Repair{Journal: "journal.jsonl", Line: 5, Kind: string(journal.DamageBadHash), Dropped: c.dropped, MovedTo: "journal.jsonl.damaged-1"}}
		data, _ := json.Marshal(res)
		events := append(append([]journal.Event{}, r.events[:4]...), journal.Event{Seq: 5, Type: journal.TypeRunResumed, UTC: start.Add(30 * time.Minute), Data: data})
		rep, err := Build(r.m, r.p, events, journal.Damage{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(rep.Integrity, "journal intact: 5 events") || !strings.Contains(rep.Integrity, "found damaged and repaired when the run was resumed at 2026-11-23 02:30:00: journal.jsonl:5: event 5: hash does not match its content") {
			t.Errorf("JSON integrity: %q", rep.Integrity)
		}
		for tag, want := range c.want {
			if got := rep.IntegrityLine(lang.For(tag)); !strings.Contains(got, want) {
				t.Errorf("%d lost, %s:\n got %q\nwant %q in it", c.dropped, tag, got, want)
			}
		}
	}
}
