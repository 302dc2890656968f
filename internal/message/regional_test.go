package message

import "testing"

// regionalCatalog is a manual with es texts and a Peruvian catalogue
// replacing some of them: update's generic text and e-mail subject, and
// holding's generic text while es has an SMS text of its own.
func regionalCatalog(t *testing.T) *Catalog {
	t.Helper()
	return loadCatalog(t, map[string]string{
		"templates/es.yaml": `update:
  default:
    one: "Próxima en {{.n}} minuto."
    many: "Próxima en {{.n}} de minutos."
    other: "Próxima en {{.n}} minutos."
  email:
    subject:
      other: "Asunto {{.n}}"
    body:
      other: "Cuerpo {{.n}}"
holding:
  default:
    other: "Lo sabemos; en tienda, efectivo."
  sms:
    other: "SMS: lo sabemos."
`,
		"templates/pl.yaml": "update:\n  default:\n    other: \"Za {{.n}} minut.\"\n",
		"templates/es-PE.yaml": `update:
  default:
    one: "Siguiente en {{.n}} minuto."
    many: "Siguiente en {{.n}} de minutos."
    other: "Siguiente en {{.n}} minutos."
  email:
    subject:
      other: "Perú {{.n}}"
holding:
  default:
    other: "Lo sabemos."
`,
	}, true)
}

func TestRegionalRender(t *testing.T) {
	c := regionalCatalog(t)
	for _, tc := range []struct {
		name, msg, kind, region string
		n                       int
		text, subject, from     string
	}{
		{"the region's text", "update", "status-page", "es-PE", 5, "Siguiente en 5 minutos.", "", "es-PE"},
		{"its plural forms, by its own rules", "update", "status-page", "es-PE", 1, "Siguiente en 1 minuto.", "", "es-PE"},
		{"whatever the case of the tag", "update", "status-page", "es-pe", 5, "Siguiente en 5 minutos.", "", "es-PE"},
		{"no region: the base's", "update", "status-page", "", 5, "Próxima en 5 minutos.", "", ""},
		{"another region: the base's", "update", "status-page", "es-ES", 5, "Próxima en 5 minutos.", "", ""},
		{"another language's region: the base's", "update", "status-page", "pl-PL", 5, "Próxima en 5 minutos.", "", ""},
		// Part by part: the region's subject, the base's body.
		{"parts one by one", "update", "email", "es-PE", 5, "Cuerpo 5", "Perú 5", "es-PE"},
		// The base's channel variant comes before the region's generic
		// text: written to the channel's measure.
		{"the base's channel variant first", "holding", "sms", "es-PE", 0, "SMS: lo sabemos.", "", ""},
		{"the region's generic text", "holding", "x", "es-PE", 0, "Lo sabemos.", "", "es-PE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := Request{Message: tc.msg, Kind: tc.kind, Locale: "es", Region: tc.region}
			if tc.n > 0 {
				req.Data, req.Count = map[string]any{"n": tc.n}, tc.n
			}
			res, err := c.Render(req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tc.text || res.Subject != tc.subject || res.Region != tc.from || res.Locale != "es" {
				t.Errorf("got text %q subject %q from %q (locale %s), want %q %q from %q", res.Text, res.Subject, res.Region, res.Locale, tc.text, tc.subject, tc.from)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %v", res.Warnings)
			}
		})
	}
}
