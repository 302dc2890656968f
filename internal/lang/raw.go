package lang

import (
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
)

// Raw returns message id as written, its placeholders left unfilled: for
// texts that show template syntax themselves, such as lint's examples of
// message templates ({{.platform}}). A missing id is shown as itself, as T
// does.
func (l *Localizer) Raw(id string) string {
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateParser: template.IdentityParser{}})
	if err != nil && s == "" {
		return id
	}
	return s
}
