package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The run and drill screens in the operator's language, chosen from LANG
// as a Spanish or Polish terminal sets it: at 80x24 in tmux, the words are
// checked against what a Spanish and a Polish reader expect, written here
// by hand, and no English word of the screens is left.

// noEnglish are words of the English run screens that must not show in
// another language (announcement texts and ids aside).
var noEnglish = []string{"STEP ", "owner:", "due ", "? help", "TO SEND", "to send", "approved by",
	"type d again", "ALL-CLEAR", "FOLLOW-UP", "finished", "EXERCISE", "INJECT", "DRILL SCORE", "your decision",
	"commands (", "(e.g."}

func assertNoEnglish(t *testing.T, what, screen string) {
	t.Helper()
	for _, w := range noEnglish {
		if strings.Contains(screen, w) {
			t.Errorf("%s shows the English %q:\n%s", what, w, screen)
		}
	}
}

// joined is everything the terminal showed, lines it wrapped joined.
func (tm *tmux) joined() string {
	return tm.run("capture-pane", "-p", "-J", "-t", "t", "-S", "-")
}

func assertShows(t *testing.T, what, screen string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, screen)
		}
	}
}

// newTmuxIn runs crisis ARGS on the example manual in a terminal whose
// LANG is locale (LC_ALL and LC_MESSAGES unset, as a desktop sets them).
func newTmuxIn(t *testing.T, locale, args string) *tmux {
	return crisisInTmux(t, repoRoot(t), args, "LANG="+locale, "LC_ALL=", "LC_MESSAGES=")
}

// crisisInTmux runs `crisis -m MANUAL ARGS` in a new terminal with its own
// state folder and no desktop notifications, env set before it. The pane
// stays open after crisis ends (EXITED and its code, then a pause) so the
// test can still read the last screen and the exit code.
func crisisInTmux(t *testing.T, manual, args string, env ...string) *tmux {
	t.Helper()
	vars := strings.Join(append(env, "XDG_STATE_HOME="+t.TempDir()), " ")
	return newTmux(t, fmt.Sprintf("%s %s %s -m %s %s; echo EXITED $?; sleep 30", noDesktop, vars, crisisBin(t), manual, args))
}

// TestRunInSpanish walks facebook-down to its end with LANG=es_ES.UTF-8.
func TestRunInSpanish(t *testing.T) {
	t.Parallel()
	tm := newTmuxIn(t, "es_ES.UTF-8", "run facebook-down -l es")

	// The question is wider than 80 columns: it breaks between words, so
	// its example ends the last row.
	tm.waitFor("(p. ej.")
	tm.waitForPrompt("Facebook):")
	tm.send("Facebook")
	s := tm.waitFor("PASO 1/5")
	assertShows(t, "step 1", s, "responsable: ", " · plazo ", "quedan ")
	assertShows(t, "the start card", tm.history(), "ejecución 2", " · inicio ", "\nregistro", "CAÍDOS: ")
	tm.waitForPrompt("] ? ayuda >")
	prompt := tm.lastLine()
	if !strings.HasPrefix(prompt, "[1/5 ") || !strings.Contains(prompt, " · plazo ") || !strings.Contains(prompt, " en ") {
		t.Errorf("step 1's prompt: %q, want [1/5 ID · plazo HH:MM en Nm ...] ? ayuda >", prompt)
	}
	assertNoEnglish(t, "step 1", s)

	tm.send("d") // the checklist unticked: asks once
	tm.waitFor("escribir d otra vez")
	assertShows(t, "the question of d", tm.joined(), "4 elementos de la lista sin marcar: 1. ", "(constará en el informe)")
	tm.send("c 1 2 3 4")
	tm.waitFor("✓ [x] Portavoz y aprobador avisados por teléfono")
	tm.send("d")
	tm.waitFor("PASO 2/5") // is it all of Meta?
	tm.waitForPrompt("[2/5 ")
	tm.send("choose 1")
	tm.waitFor("PASO 3/5")
	tm.waitForPrompt("[3/5 ")
	s = tm.screen(false)
	assertShows(t, "step 2", s, "[primer aviso]", "POR ENVIAR", "✓ enviado  ○ falta  ✗ no cabe  (xx) opcional", "v N ver · y N copiar", " por enviar", "aprobación:")
	assertNoEnglish(t, "step 2", s)

	// The in-run help in Spanish, whole on one 80x24 screen with the prompt.
	tm.send("?")
	tm.waitFor("p, pause (o q)     pausar; reanudar más tarde con --resume")
	tm.waitForPrompt("? ayuda >")
	s = tm.screen(false)
	assertShows(t, "help", s, "comandos (N: número de un comunicado en la lista; CH: su canal; LOC: idioma):",
		"d, done            completar el paso (pregunta si falta algo)", "copiar no es enviar",
		"state STATE        investigating, identified, monitoring o resolved", "El indicador lleva la cuenta atrás del plazo", "la campana")
	assertNoEnglish(t, "help", s)

	tm.send("a")
	tm.waitFor("aprobado por Carmen Vidal")
	tm.send("x")
	// "a la 1:07" in the one o'clock hour, "a las 10:07" in the others.
	s = tm.waitFor("próxima actualización a la")
	if !spanishAt.MatchString(s) {
		t.Errorf("the next update is not said as Spanish says an hour (a la 1:MM, a las H:MM):\n%s", s)
	}
	assertShows(t, "after x", s, "comunicados marcados como enviados")
	tm.send("d")
	tm.waitFor("PASO 4/5")
	tm.send("s lo atiende el turno de noche")
	tm.waitFor("PASO 5/5")
	tm.waitForPrompt("[5/5 ")
	tm.send("d") // texts unsent: asks for a second d
	// Not "escribir d otra vez": step 1's question already shows it, and
	// waiting for it returned before this one was drawn.
	tm.waitFor("comunicados sin marcar como enviados")
	assertShows(t, "the question of d", tm.joined(), "5 comunicados sin marcar como enviados: x (es), ")
	tm.send("d")
	s = tm.waitFor("EXITED 0")
	if !regexp.MustCompile(`FIN DEL INCIDENTE ` + spanishAt.String()).MatchString(s) {
		t.Errorf("the end is not said as Spanish says an hour:\n%s", s)
	}
	assertShows(t, "the end", s, "FIN DEL INCIDENTE a la", "TAREAS POSTERIORES (plazos desde el fin del incidente)",
		"terminada; su informe:", "crisis report ")
	assertNoEnglish(t, "the end", s)
	for _, line := range strings.Split(tm.history(), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line wider than 80 columns (%d): %q", n, line)
		}
	}
}

// TestDrillInPolish rehearses facebook-down with LANG=pl_PL.UTF-8 at speed
// 600: the exercise banner, the inject and its questions, the step view and
// the score in Polish.
func TestDrillInPolish(t *testing.T) {
	t.Parallel()
	tm := newTmuxIn(t, "pl_PL.UTF-8", "drill facebook-down -l pl --speed 600 --var platform=Facebook")
	tm.waitFor("KROK 1/5")
	assertShows(t, "the drill's first screen", tm.history(), "[ĆWICZENIA] ĆWICZENIA: NIC TU NIE JEST PRAWDZIWE, NIC NIE JEST WYSYŁANE",
		"odpowiada: ", " · termin ")
	// Nobody types: the T+3m inject arrives on its own.
	tm.waitFor("⚡ ZDARZENIE 1 (T+")
	script := newStepScript(map[int][]string{1: {"c 1 2 3 4", "d"}, 2: {"choose 1"}, 3: {"a", "x", "d"}})
	seen := map[string]bool{}
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(tm.history(), "EXITED") && time.Now().Before(deadline) {
		prompt, at := tm.waitingAt()
		switch {
		case strings.HasSuffix(prompt, "(t/n) >"):
			seen["yes-no"] = true
			tm.answer(at, "t")
		case strings.HasSuffix(prompt, "decyzja >"):
			seen["decision"] = true
			tm.answer(at, "odsyłam do rzecznika")
		case strings.HasSuffix(prompt, "(Enter wysyła szkic) >"):
			seen["reply"] = true
			tm.answer(at, "")
		case strings.HasSuffix(prompt, "? pomoc >") && !strings.Contains(tm.joined(), " zwłoka "):
			// Step 1's five minutes pass in half a second at 600x: the
			// prompt says the step is late however fast the answers come.
			time.Sleep(50 * time.Millisecond)
		case strings.HasSuffix(prompt, "? pomoc >"):
			script.answer(tm, prompt, at)
		default:
			time.Sleep(50 * time.Millisecond)
		}
	}
	h := tm.history()
	if !seen["yes-no"] || !(seen["decision"] || seen["reply"]) {
		t.Errorf("the inject's questions were not asked in Polish (%v):\n%s", seen, tm.screen(false))
	}
	assertShows(t, "the drill", h, "podręcznik oczekuje:", "DO WYSŁANIA", "zatwierdzone przez: ",
		"wpisz d ponownie", " zwłoka ",
		"WYNIK ĆWICZEŃ", "dotrzymane terminy", "przygotowane komunikaty", "dobrze obsłużone zdarzenia", "pominięte kroki",
		"EXITED 0")
	assertNoEnglish(t, "the drill", h)
}

// spanishAt is "at" a time of day in Spanish: the article agrees with the
// hour, "a la 1:07" but "a las 0:07", "a las 10:07".
var spanishAt = regexp.MustCompile(`(a la 1|a las (0|[2-9]|1[0-9]|2[0-3])):[0-5][0-9]`)
