package genmanual

import (
	"crypto/sha1"
	"fmt"
	"io"
	"strings"
)

// text is one message text of the catalogue: which field of texts it comes
// from and how its placeholders are filled.
type text struct {
	variant, part string
	description   string // Spanish, the source; only on the default variant
	field         func(*texts) string
	scenario      int                            // for {S} and {B}; -1 when unused
	units         func(*texts) map[string]string // nil unless the message counts something
}

// message is a message id with its variants.
type message struct {
	name  string
	texts []text
}

// catalogue lists every message of the manual, in file order: the messages
// of each scenario, then the ones all scenarios share.
func catalogue() []message {
	var out []message
	for si, s := range scenarios {
		out = append(out,
			message{s.key + "-holding", []text{
				{"default", "", "Primer mensaje de espera: " + spanish.down[si], func(t *texts) string { return t.holding }, si, nil},
				{"sms", "", "", func(t *texts) string { return t.holdingSMS }, si, nil},
				{"x", "", "", func(t *texts) string { return t.holdingX }, si, nil},
				{"email", "subject", "", func(t *texts) string { return t.holdingSubject }, si, nil},
				{"email", "body", "", func(t *texts) string { return t.holdingBody }, si, nil},
			}},
			message{s.key + "-all-clear", []text{
				{"default", "", "Fin de la incidencia: " + spanish.back[si], func(t *texts) string { return t.clear }, si, nil},
				{"sms", "", "", func(t *texts) string { return t.clearSMS }, si, nil},
				{"x", "", "", func(t *texts) string { return t.clearX }, si, nil},
				{"email", "subject", "", func(t *texts) string { return t.clearSubject }, si, nil},
				{"email", "body", "", func(t *texts) string { return t.clearBody }, si, nil},
			}},
			message{s.key + "-staff", []text{
				{"default", "", "Aviso interno para todo el personal: " + spanish.down[si], func(t *texts) string { return t.staff }, si, nil},
				{"sms", "", "", func(t *texts) string { return t.staffSMS }, si, nil},
			}},
		)
	}
	minutes := func(t *texts) map[string]string { return t.minutes }
	stores := func(t *texts) map[string]string { return t.stores }
	return append(out,
		message{"update", []text{
			{"default", "", "Actualización periódica mientras dura la incidencia, en cualquier escenario", func(t *texts) string { return t.update }, -1, minutes},
			{"sms", "", "", func(t *texts) string { return t.updateSMS }, -1, minutes},
			{"x", "", "", func(t *texts) string { return t.updateX }, -1, minutes},
		}},
		message{"stores-closed", []text{
			{"default", "", "Tiendas cerradas por la incidencia y hora de reapertura", func(t *texts) string { return t.closed }, -1, stores},
			{"sms", "", "", func(t *texts) string { return t.closedSMS }, -1, stores},
		}},
		message{"press-contact", []text{
			{"default", "", "A los medios: quién habla por la empresa y dónde están los datos confirmados", func(t *texts) string { return t.press }, -1, nil},
			{"email", "subject", "", func(t *texts) string { return t.pressSubject }, -1, nil},
			{"email", "body", "", func(t *texts) string { return t.pressBody }, -1, nil},
		}},
		message{"reply-order", []text{
			{"default", "", "Respuesta a un cliente que pregunta por su pedido durante la incidencia", func(t *texts) string { return t.reply }, -1, nil},
		}},
	)
}

// forms renders a text in one locale: one form per plural category of the
// locale when the message counts something, else just other.
func (x text) forms(l locale) [][2]string {
	t := l.text
	s := x.field(t)
	if x.scenario >= 0 {
		s = strings.NewReplacer("{S}", t.down[x.scenario], "{B}", t.back[x.scenario], "{X}", t.extra[x.scenario%len(t.extra)]).Replace(s)
	}
	if x.units == nil {
		return [][2]string{{"other", s}}
	}
	var out [][2]string
	for _, form := range l.plural {
		out = append(out, [2]string{form, strings.ReplaceAll(s, "{U}", t.unitWord(x.units(t), form))})
	}
	return out
}

// goi18nHash is the hash goi18n merge stores in a translation: SHA-1 of
// the source message's description followed by its other text. A
// translation whose hash no longer matches its source is stale.
func goi18nHash(description, other string) string {
	h := sha1.New()
	_, _ = io.WriteString(h, description)
	_, _ = io.WriteString(h, other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// templateFile builds templates/<locale>.yaml. src is the default locale;
// every other locale's messages carry the hash of the source they
// translate.
func templateFile(l, src locale) ([]byte, error) {
	root := newMapping()
	for _, msg := range catalogue() {
		mm := newMapping()
		var email mapping
		for _, x := range msg.texts {
			forms := x.forms(l)
			body := newMapping()
			if x.description != "" {
				body.str("description", x.description)
			}
			if l.code != src.code {
				srcForms := x.forms(src)
				body.str("hash", goi18nHash(x.description, srcForms[len(srcForms)-1][1]))
			}
			for _, f := range forms {
				body.str(f[0], f[1])
			}
			if x.part == "" {
				mm.set(x.variant, body.node)
				continue
			}
			if email.node == nil {
				email = newMapping()
				mm.set(x.variant, email.node)
			}
			email.set(x.part, body.node)
		}
		root.set(msg.name, mm.node)
	}
	comment := fmt.Sprintf("Messages of %s in %q, generated by genmanual.", organisation, l.code)
	if l.code == src.code {
		comment += " This is the source locale: translations carry the hash of these texts."
	}
	return encode(comment, root)
}
