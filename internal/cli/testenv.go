package cli

import "os"

// EnglishEnvironment makes this process's environment ask for the English
// interface whatever the developer's locale, so tests that expect English
// words pass on a Spanish or Polish desktop too. It is here, beside the
// command that reads CRISIS_LANG, LC_ALL, LC_MESSAGES and LANG, because the
// tests of this package (in-process) and of cmd/crisis (the built command)
// both need it from their TestMain. A test of another language says so in
// its command (env LANG=es_ES.UTF-8 ...), which LC_ALL and LC_MESSAGES left
// unset let through.
func EnglishEnvironment() {
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Unsetenv("CRISIS_LANG")
	os.Setenv("LANG", "C.UTF-8")
}
