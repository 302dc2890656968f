package genmanual

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// The organisation is fixed: a retailer in Spain, Portugal and Poland, like
// the example manual's, with the channels, people and roles such a business
// has. Only playbooks and messages scale with the options.

const organisation = "Ríoverde Hogar S.L."

type audience struct{ id, description string }

var audiences = []audience{
	{"customers", "People who buy in our stores and online shop"},
	{"staff", "Store, warehouse and office employees, on every shift"},
	{"suppliers", "Carriers and suppliers with open orders"},
	{"press", "Journalists and media who cover retail"},
}

type domain struct{ id, description string }

var domains = []domain{
	{"meta", "Meta Platforms; Facebook, Instagram, WhatsApp and Messenger fail together"},
	{"x-corp", "X (formerly Twitter)"},
	{"google", "Google Workspace mail"},
	{"telecom", "Mobile operators, our SMS gateway and the customer phone line"},
	{"slack", "Slack, for internal messaging"},
	{"hosting", "Our web hosting; shop, banner and app backend"},
	{"statuspage", "The status page, hosted apart from the shop on purpose"},
	{"stores", "Our own physical stores; fail only store by store"},
	{"backoffice", "Card payments and customer accounts; no message channel depends on it"},
	{"logistics", "Carriers and warehouses; no message channel depends on it"},
}

type channel struct {
	id, kind, name string
	audiences      []string
	domain, owner  string
	limit          string // "" when the kind's default holds
}

// channels are listed in the order fallbacks prefer them: fast public
// channels first, then direct ones, then the slow or local ones.
var channels = []channel{
	{"status-page", "status-page", "status.rioverde.example", []string{"customers", "suppliers", "press"}, "statuspage", "ecommerce", ""},
	{"x", "x", "X account @rioverdehogar", []string{"customers", "press"}, "x-corp", "community-manager", ""},
	{"facebook-page", "facebook", "Facebook page", []string{"customers", "press"}, "meta", "community-manager", ""},
	{"instagram", "instagram", "Instagram account", []string{"customers"}, "meta", "community-manager", ""},
	{"messenger", "messenger", "Messenger inbox of the Facebook page", []string{"customers"}, "meta", "customer-care", ""},
	{"whatsapp-business", "whatsapp", "WhatsApp Business", []string{"customers", "suppliers"}, "meta", "customer-care", ""},
	{"website-banner", "website-banner", "Banner on rioverde.example", []string{"customers", "suppliers", "press"}, "hosting", "ecommerce", "250"},
	{"app-push", "push", "Ríoverde app notification", []string{"customers"}, "hosting", "ecommerce", ""},
	{"email-customers", "email", "Newsletter and order e-mail", []string{"customers"}, "google", "customer-care", ""},
	{"email-suppliers", "email", "Purchasing mailbox", []string{"suppliers"}, "google", "operations", ""},
	{"email-press", "email", "Press office mailbox", []string{"press"}, "google", "spokesperson", ""},
	{"sms-customers", "sms", "SMS to customers with open orders", []string{"customers"}, "telecom", "customer-care", "2"},
	{"sms-staff", "sms", "SMS to all staff", []string{"staff"}, "telecom", "people-ops", "3"},
	{"slack-staff", "slack", "Slack #todos", []string{"staff"}, "slack", "people-ops", ""},
	{"store-signs", "store-sign", "Printed signs at store entrances and tills", []string{"customers"}, "stores", "store-operations", ""},
	{"phone-line", "phone", "Customer line 900 100 200 (recorded message)", []string{"customers"}, "telecom", "customer-care", ""},
}

func channelByID(id string) channel {
	for _, c := range channels {
		if c.id == id {
			return c
		}
	}
	panic("genmanual: no channel " + id)
}

type contact struct{ via, value string }

type person struct {
	id, name string
	contacts []contact
}

// people have three contacts on different providers, so lint finds a way
// to reach each of them in every scenario.
var people = []person{
	{"carmen-vidal", "Carmen Vidal (CEO)", []contact{{"phone", "+34 600 100 001"}, {"signal", "+34 600 100 001"}, {"email", "carmen.vidal@rioverde.example"}}},
	{"tomas-ferrer", "Tomás Ferrer (COO)", []contact{{"phone", "+34 600 100 002"}, {"whatsapp", "+34 600 100 002"}, {"email", "tomas.ferrer@rioverde.example"}}},
	{"lucia-moreno", "Lucía Moreno (communications director)", []contact{{"phone", "+34 600 100 003"}, {"telegram", "@luciamoreno"}, {"email", "lucia.moreno@rioverde.example"}}},
	{"javier-ortega", "Javier Ortega (store operations)", []contact{{"phone", "+34 600 100 004"}, {"sms", "+34 600 100 004"}, {"slack", "@javier"}}},
	{"diego-santos", "Diego Santos (community manager)", []contact{{"phone", "+34 600 100 005"}, {"telegram", "@diegosantos"}, {"slack", "@diego"}}},
	{"ana-kowalska", "Ana Kowalska (community manager, Poland)", []contact{{"phone", "+48 500 200 006"}, {"signal", "+48 500 200 006"}, {"email", "ana.kowalska@rioverde.example"}}},
	{"marta-silva", "Marta Silva (customer care)", []contact{{"phone", "+351 910 300 007"}, {"sms", "+351 910 300 007"}, {"slack", "@marta"}}},
	{"pablo-reyes", "Pablo Reyes (IT and security)", []contact{{"phone", "+34 600 100 008"}, {"signal", "+34 600 100 008"}, {"slack", "@pablo"}}},
	{"ines-carvalho", "Inês Carvalho (e-commerce)", []contact{{"phone", "+351 910 300 009"}, {"email", "ines.carvalho@rioverde.example"}, {"slack", "@ines"}}},
	{"zofia-wojcik", "Zofia Wójcik (people operations)", []contact{{"phone", "+48 500 200 010"}, {"sms", "+48 500 200 010"}, {"email", "zofia.wojcik@rioverde.example"}}},
}

type role struct {
	id, title, person string
	deputies          []string
}

var roles = []role{
	{"spokesperson", "Spokesperson; the only voice of the brand", "lucia-moreno", []string{"carmen-vidal"}},
	{"approver", "Approves every public message before it is sent", "carmen-vidal", []string{"tomas-ferrer"}},
	{"community-manager", "Publishes on social networks and answers comments", "diego-santos", []string{"ana-kowalska"}},
	{"customer-care", "Customer care lead; e-mail, SMS, phone line", "marta-silva", []string{"pablo-reyes"}},
	{"ecommerce", "Runs the website, status page and app", "ines-carvalho", []string{"pablo-reyes"}},
	{"people-ops", "Reaches every employee, on every shift", "zofia-wojcik", []string{"javier-ortega"}},
	{"operations", "Suppliers, carriers and warehouses", "tomas-ferrer", []string{"zofia-wojcik"}},
	{"store-operations", "Store managers' coordinator", "javier-ortega", []string{"zofia-wojcik", "tomas-ferrer"}},
	{"security", "Information security officer; leads containment of security incidents", "pablo-reyes", []string{"ines-carvalho"}},
}

type variable struct {
	name, description, example, maxLength, typ string
	required                                   bool
}

var manualVariables = []variable{
	{"status_url", "Where customers follow the incident", "status.rioverde.example", "30", "url", true},
	{"support_phone", "Customer line that stays up when the networks are down", "900 100 200", "15", "", true},
	{"press_phone", "Press line of the communications department; the only number journalists get", "+34 910 200 400", "16", "", true},
	{"affected_stores", "How many stores are closed or affected", "3", "4", "count", false},
	{"reopen_time", "When the affected stores open again, as announced", "16:00", "8", "time", false},
}

// manualFile builds playbooks/manual.yaml.
func manualFile(locs []locale) ([]byte, error) {
	codes := make([]string, len(locs))
	for i, l := range locs {
		codes[i] = l.code
	}
	m := newMapping().raw("crisis", "1").str("kind", "manual").
		str("organisation", organisation).str("version", "7.1").str("timezone", "Europe/Madrid")
	m.set("locales", newMapping().str("default", codes[0]).ids("supported", codes...).node)
	m.set("approval", newMapping().ids("approved_by", "carmen-vidal", "tomas-ferrer").
		raw("approved_on", "2026-09-14").raw("review_every", "180d").node)
	m.raw("first_response", "15m").raw("drill_every", "90d")

	var list []*yaml.Node
	for _, a := range audiences {
		list = append(list, newMapping().str("id", a.id).str("description", a.description).node)
	}
	m.set("audiences", blockList(list...))
	list = nil
	for _, d := range domains {
		list = append(list, newMapping().str("id", d.id).str("description", d.description).node)
	}
	m.set("domains", blockList(list...))
	list = nil
	for _, c := range channels {
		cm := newMapping().str("id", c.id).str("kind", c.kind).str("name", c.name).
			ids("audiences", c.audiences...).str("domain", c.domain).str("owner", c.owner)
		if c.limit != "" {
			cm.raw("limit", c.limit)
		}
		list = append(list, cm.node)
	}
	m.set("channels", blockList(list...))
	list = nil
	for _, r := range roles {
		list = append(list, newMapping().str("id", r.id).str("title", r.title).str("person", r.person).ids("deputies", r.deputies...).node)
	}
	m.set("roles", blockList(list...))
	list = nil
	for _, p := range people {
		var cs []*yaml.Node
		for _, c := range p.contacts {
			cs = append(cs, newFlowMapping().str("via", c.via).str("value", c.value).node)
		}
		list = append(list, newMapping().str("id", p.id).str("name", p.name).set("contacts", blockList(cs...)).node)
	}
	m.set("people", blockList(list...))
	m.set("variables", variablesNode(manualVariables))
	return encode(header("The crisis manual of "+strings.TrimSuffix(organisation, " S.L.")+"."), m)
}

func variablesNode(vars []variable) *yaml.Node {
	var list []*yaml.Node
	for _, v := range vars {
		vm := newMapping().str("name", v.name).str("description", v.description).str("example", v.example).raw("max_length", v.maxLength)
		if v.typ != "" {
			vm.str("type", v.typ)
		}
		if v.required {
			vm.raw("required", "true")
		}
		list = append(list, vm.node)
	}
	return blockList(list...)
}
