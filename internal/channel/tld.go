package channel

import "strings"

// Top-level domains recognised in URLs without a scheme, after twitter-text's
// TLD list (conformance/tld_lib.yml): every country-code TLD, the
// internationalised ccTLDs, and the generic TLDs people actually write.
// A text written "example.museum" is still caught when the URL has a scheme
// only if the TLD is listed, as in twitter-text.
const (
	ccTLDs = "ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw " +
		"by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm " +
		"fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm " +
		"jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr " +
		"ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs " +
		"ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tp tr tt tv " +
		"tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw " +
		"한국 香港 澳門 新加坡 台灣 台湾 中國 中国 გე ไทย ලංකා ഭാരതം ಭಾರತ భారత్ சிங்கப்பூர் இலங்கை இந்தியா ଭାରତ ભારત ਭਾਰਤ ভাৰত ভারত বাংলা " +
		"भारत پاکستان مليسيا مصر قطر فلسطين عمان عراق سورية سودان تونس بھارت ایران امارات المغرب السعودية الجزائر الاردن " +
		"հայ қаз укр срб рф мон мкд ею бел бг ελ"
	gTLDs = "com net org edu gov mil int info biz name pro mobi aero asia cat coop jobs museum tel travel xxx arpa " +
		"app dev page blog shop store online site website web tech io ai cloud news media press live life world today " +
		"global link click help support email mail services solutions company agency group team center community " +
		"network digital systems software studio design art photo photos video tv radio fm music film movie games game " +
		"news health care clinic hospital doctor dental pharmacy law legal finance financial bank money capital fund " +
		"insurance credit loans tax energy solar green eco earth city town land house homes realestate property " +
		"school university college education academy institute training science technology engineering " +
		"travel tours hotel hotels flights cars auto car bike taxi delivery express " +
		"food restaurant cafe bar pizza coffee wine beer farm garden fashion shoes style beauty fitness yoga " +
		"sport sports football golf tennis hockey run fan fans events party wedding family kids baby love " +
		"social chat forum wiki guide tips reviews report directory codes zone space one top xyz club vip win " +
		"fun cool plus pub ltd llc inc gmbh srl sarl ngo ong foundation charity gives giving church " +
		"berlin paris london nyc tokyo madrid barcelona amsterdam wien moscow москва рус онлайн сайт орг ком " +
		"google youtube apple microsoft amazon android windows yahoo gmail bing " +
		"quebec scot wales cymru eus gal bzh cat swiss lat africa " +
		"foo bar zip mov new now how here moe ninja rocks guru expert buzz ink red blue black pink gold " +
		"crs onion"
)

var (
	tldSet    = map[string]bool{}
	ccTLDSet  = map[string]bool{}
	maxTLDLen int
)

func init() {
	for _, t := range strings.Fields(ccTLDs) {
		tldSet[t] = true
		ccTLDSet[t] = true
		maxTLDLen = max(maxTLDLen, len(t))
	}
	for _, t := range strings.Fields(gTLDs) {
		tldSet[t] = true
		maxTLDLen = max(maxTLDLen, len(t))
	}
}
