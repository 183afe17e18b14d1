#include "extract/speaker_lexicon.hpp"

#include <initializer_list>
#include <string>
#include <unordered_set>

namespace newsdesk::entities::lexicon {
namespace {

using WordSet = std::unordered_set<std::string_view>;

WordSet make(std::initializer_list<std::string_view> words) { return WordSet(words); }

const WordSet& speech_verbs() {
    static const WordSet set = make({
        "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "stress", "stresses",
        "stressed", "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
        "note", "noted", "state", "stated", "warn", "warns", "warned", "argue", "argues", "argued",
        "explain", "explains", "explained", "insist", "insists", "insisted", "announce",
        "announces", "announced", "declare", "declares", "declared", "claim", "claimed", "write",
        "writes", "wrote", "ask", "asks", "asked", "reply", "replies", "replied", "respond",
        "responds", "responded", "continue", "continues", "continued", "acknowledge",
        "acknowledges", "acknowledged", "admit", "admits", "admitted", "recall", "recalls",
        "recalled", "suggest", "suggests", "suggested", "predict", "predicts", "predicted",
        "concede", "concedes", "conceded", "contend", "contends", "contended", "counter",
        "countered", "complain", "complains", "complained", "charge", "charged", "urge", "urges",
        "urged", "vow", "vows", "vowed", "promise", "promises", "promised", "pledge", "pledges",
        "pledged", "confirm", "confirms", "confirmed", "deny", "denies", "denied", "reiterate",
        "reiterates", "reiterated", "observe", "observes", "observed", "remark", "remarked",
        "comment", "commented", "tweet", "tweeted", "testify", "testifies", "testified",
        "maintain", "maintains", "maintained", "believe", "believes", "believed", "think",
        "thinks", "hope", "hoped", "fear", "fears", "feared", "expect", "expects",
        "estimate", "estimated", "report", "reported", "reveal", "reveals", "revealed", "disclose",
        "disclosed", "allege", "alleges", "alleged", "accuse", "accuses", "accused", "criticise",
        "criticised", "criticize", "criticized", "blast", "blasted", "slam", "slammed", "praise",
        "praised", "call", "calls", "called", "quoted", "caution", "cautioned", "recount",
        "recounted", "boast", "boasted", "joke", "joked", "quip", "quipped", "lament", "lamented",
        "assert", "asserts", "asserted", "affirm", "affirmed", "express", "expresses", "expressed",
        "answer", "answered", "underline", "underlined", "underscore", "underscored", "point",
        "pointed", "indicate", "indicated", "signal", "signaled", "signalled", "conclude",
        "concluded", "agree", "agreed", "disagree", "disagreed", "describe", "describes",
        "described", "dismiss", "dismissed", "acknowledged", "worry", "worried", "want", "wants",
        "wanted", "wonder", "wondered", "mention", "mentioned", "speculate", "speculated", "hint",
        "hinted", "propose", "proposed", "demand", "demanded", "demands", "threaten", "threatened",
        "threatens", "predicts", "acknowledge", "explain", "recommend", "recommended", "announce",
        "assure", "assured", "contend", "counsel", "counseled", "reckon", "reckons", "reckoned",
        "posit", "posited", "repeat", "repeated", "shout", "shouted", "yell", "yelled", "scoff",
        "scoffed", "sigh", "sighed", "muse", "mused", "condemn", "condemned", "condemns",
        "dismisses", "reject", "rejected", "rejects", "question", "questioned", "defend",
        "defended", "defends", "mock", "mocked", "post", "posted", "dispute", "disputed",
        "denounce", "denounced", "decry", "decried", "lambast", "lambasted", "attack", "attacked",
        "challenge", "challenged", "blame", "blamed", "blames", "credit", "credited", "thank",
        "thanked", "apologise", "apologised", "apologize", "apologized", "cite", "cited",
        "remind", "reminded", "advise", "advised", "forecast", "project", "projected", "rule",
        "ruled", "feel", "feels", "felt", "know", "knows", "doubt", "doubts", "doubted",
        "suspect", "suspects", "suspected", "tout", "touted", "brag", "bragged", "say", "argue",
        "insist", "acknowledges", "recognise", "recognised", "recognize", "recognized",
        "concur", "concurred", "retort", "retorted", "snap", "snapped", "add", "echo", "echoed",
        "spell", "chide", "chided", "fret", "fretted", "gush", "gushed", "plead", "pleaded",
        "appeal", "appealed", "request", "requested", "welcome", "welcomed", "applaud",
        "applauded", "hail", "hailed", "predicted", "clarify", "clarified", "elaborate",
        "elaborated", "emphasize", "maintain", "reassure", "reassured", "insinuate",
        "insinuated", "imply", "implied", "implies", "characterise", "characterised",
        "characterize", "characterized", "label", "labeled", "labelled", "brand", "branded",
        "accuse", "acknowledge", "announce", "conclude"});
    return set;
}

const WordSet& inverting_verbs() {
    static const WordSet set = make({
        "said", "says", "added", "adds", "asked", "asks", "continued", "explained", "noted",
        "wrote", "writes", "recalled", "replied", "argued", "insisted", "warned", "stressed",
        "declared", "stated", "concluded", "conceded", "countered", "responded", "observed",
        "remarked", "explains", "notes", "argues", "insists", "warns", "tweeted", "quipped",
        "joked", "acknowledged", "admitted", "answered", "cautioned", "emphasized", "emphasised",
        "told"});
    return set;
}

const WordSet& companions() {
    static const WordSet set = make({
        "also", "has", "have", "had", "was", "is", "were", "are", "would", "will", "could",
        "should", "may", "might", "can", "did", "does", "do", "later", "then", "previously",
        "earlier", "recently", "again", "once", "repeatedly", "reportedly", "publicly",
        "privately", "subsequently", "further", "frequently", "often", "never", "himself",
        "herself", "quickly", "bluntly", "flatly", "simply", "explicitly", "openly",
        "immediately", "finally", "initially", "originally", "separately", "similarly",
        "specifically", "already", "always", "still", "even", "just", "first", "last",
        "been", "being", "personally", "repeatedly", "angrily", "firmly", "strongly", "clearly",
        "loudly", "tearfully", "candidly", "long", "famously", "correctly", "falsely", "wrongly",
        "apparently", "allegedly", "herself", "themselves", "not", "had", "once"});
    return set;
}

const WordSet& titles() {
    static const WordSet set = make({
        "president", "vice", "prime", "minister", "secretary", "sen", "senator", "rep",
        "representative", "gov", "governor", "mr", "mrs", "ms", "miss", "mx", "dr", "judge",
        "justice", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
        "speaker", "gen", "general", "mayor", "former", "chief", "executive", "ceo", "cfo", "coo",
        "director", "king", "queen", "prince", "princess", "sheikh", "sheik", "ayatollah", "pope",
        "rev", "reverend", "lt", "lieutenant", "col", "colonel", "adm", "admiral", "sgt",
        "sergeant", "capt", "captain", "maj", "major", "cpl", "corporal", "professor", "prof",
        "attorney", "candidate", "leader", "minority", "majority", "whip", "ambassador",
        "commissioner", "chancellor", "premier", "lord", "lady", "dame", "sir", "bishop",
        "cardinal", "archbishop", "coach", "manager", "officer", "deputy", "assistant", "acting",
        "interim", "supreme", "state", "foreign", "defense", "defence", "interior", "finance",
        "treasury", "homeland", "security", "health", "energy", "labor", "labour", "commerce",
        "education", "agriculture", "trade", "economy", "economic", "house", "senate",
        "congressman", "congresswoman", "councilman", "councilwoman", "councillor", "councilor",
        "member", "delegate", "nominee", "hopeful", "founder", "cofounder", "elect",
        "presidential", "then", "top", "senior", "junior", "white", "press", "communications",
        "national", "campaign", "chairperson", "detective", "inspector", "superintendent",
        "sheriff", "constable", "officer", "trooper", "agent", "envoy", "emir", "sultan",
        "crown", "grand", "mufti", "imam", "rabbi", "father", "sister", "brother", "pastor",
        "dean", "provost", "principal", "analyst", "economist", "strategist", "adviser", "advisor",
        "aide", "counsel", "lawyer", "prosecutor", "district", "county", "city", "us", "federal",
        "special", "legal", "political", "policy", "research", "military", "army", "navy",
        "air", "force", "marine", "field", "marshal", "brig", "brigadier", "commander",
        "comdr", "cmdr", "private", "pvt", "doctor", "nurse", "dep", "asst", "sec", "atty",
        "supt", "insp", "hon", "honourable", "honorable", "his", "her", "excellency", "holiness",
        "majesty", "highness", "mp", "mep", "msp", "sens", "reps", "govs", "former", "ex",
        "outgoing", "incoming", "designate", "frontrunner", "front", "runner", "challenger",
        "incumbent", "veteran", "businessman", "businesswoman", "billionaire", "activist",
        "author", "writer", "columnist", "editor", "host", "anchor", "commentator", "pollster",
        "actor", "actress", "singer", "rapper", "star", "comedian", "player", "striker",
        "midfielder", "defender", "goalkeeper", "forward", "boss", "owner", "champion", "legend",
        "great", "chef", "artist", "filmmaker", "director", "producer", "conservative", "liberal",
        "progressive", "socialist", "libertarian", "evangelical", "billionaire", "mogul",
        "tycoon", "investor", "entrepreneur", "philanthropist", "physicist", "scientist",
        "researcher", "historian", "sociologist", "psychologist", "expert", "specialist",
        // British and Commonwealth offices: "Chancellor of the Exchequer Gordon Brown".
        "exchequer", "shadow", "home", "attorney-general", "solicitor", "whip", "backbencher"});
    return set;
}

const WordSet& title_heads() {
    static const WordSet set = make({
        "president", "minister", "secretary", "senator", "governor", "spokesman", "spokeswoman",
        "spokesperson", "chairman", "chairwoman", "speaker", "mayor", "leader", "ambassador",
        "chancellor", "premier", "king", "queen", "prince", "pope", "ayatollah", "sheikh", "emir",
        "sultan", "envoy", "general", "commander", "chief", "director", "judge", "coach",
        "manager", "commissioner", "representative", "congressman", "congresswoman"});
    return set;
}

const WordSet& person_titles() {
    static const WordSet set = make({
        "mr", "mrs", "ms", "miss", "mx", "dr", "sen", "senator", "rep", "representative", "gov",
        "governor", "gen", "general", "rev", "reverend", "prof", "professor", "sir", "dame",
        "lord", "lady", "judge", "justice", "sheikh", "sheik", "ayatollah", "pope", "king",
        "queen", "prince", "princess", "president", "minister", "secretary", "chancellor",
        "premier", "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman",
        "chairwoman", "speaker", "lt", "col", "colonel", "adm", "admiral", "sgt", "capt",
        "captain", "maj", "cpl", "congressman", "congresswoman", "commissioner", "coach",
        "emir", "sultan", "imam", "rabbi", "bishop", "cardinal", "archbishop", "detective",
        "sheriff", "officer", "leader", "director", "attorney"});
    return set;
}

const WordSet& parties() {
    static const WordSet set = make({
        "democratic", "democrat", "republican", "gop", "labour", "labor", "conservative", "tory",
        "liberal", "independent", "libertarian", "green", "socialist", "communist", "unionist",
        "nationalist", "progressive", "centrist", "reformist", "hardline", "moderate",
        "dem", "dems", "lib", "tories", "snp", "ukip"});
    return set;
}

const WordSet& organisations() {
    static const WordSet set = make({
        "news", "post", "times", "journal", "party", "committee", "campaign", "house",
        "department", "ministry", "council", "agency", "institute", "university", "center",
        "centre", "foundation", "inc", "corp", "corporation", "company", "group", "administration",
        "court", "congress", "senate", "network", "press", "media", "poll", "association", "union",
        "commission", "bank", "fund", "organization", "organisation", "office", "service",
        "board", "bureau", "police", "army", "forces", "guard", "reuters", "club", "league",
        "federation", "society", "school", "college", "church", "hospital", "airlines", "airways",
        "motors", "holdings", "partners", "securities", "report", "review", "magazine", "channel",
        "tv", "radio", "television", "daily", "herald", "tribune", "gazette", "guardian",
        "telegraph", "observer", "mail", "express", "mirror", "standard", "chronicle", "examiner",
        "inquirer", "globe", "monitor", "authority", "program", "programme", "project",
        "initiative", "alliance", "coalition", "movement", "front", "brigade", "brigades",
        "republic", "kingdom", "government", "parliament", "assembly", "cabinet", "embassy",
        "consulate", "command", "llc", "ltd", "plc", "trust", "laboratory", "systems",
        "technologies", "software", "group", "council", "state", "states", "street", "avenue",
        "road", "square", "building", "tower", "hall", "palace", "airport", "station", "stadium",
        "park", "county", "city", "valley", "river", "mountain", "mountains", "island", "islands",
        "province", "region", "district", "national", "international", "federal", "global",
        "world", "united", "nations", "sciences", "studies", "affairs", "watch", "institution",
        "online", "com", "blog", "twitter", "facebook", "google", "youtube", "instagram", "cnn",
        "fox", "msnbc", "nbc", "abc", "cbs", "bbc", "npr", "pbs", "al", "jazeera", "reuters",
        "bloomberg", "associated", "caucus", "bureau", "team", "fc", "united", "rovers",
        "athletic", "county", "records", "pictures", "studios", "films", "entertainment",
        "music", "festival", "awards", "prize", "cup", "championship", "championships", "games",
        "olympics", "series", "act", "bill", "law", "amendment", "constitution", "treaty",
        "accord", "agreement", "plan", "budget", "declaration", "day", "week", "year", "century",
        "war", "revolution", "crisis", "spring", "summit", "conference", "convention",
        "debate", "forum", "exchange", "market", "index", "stock", "dow", "nasdaq", "ftse",
        "nikkei", "economist", "politico", "breitbart", "huffington", "salon", "slate", "vox",
        "axios", "hill", "atlantic", "newsweek", "time", "insider", "wire", "stories",
        "republicans", "democrats", "obamacare", "medicare", "medicaid", "isis", "isil",
        "taliban", "hamas", "hezbollah", "qaeda", "nato", "opec", "fbi", "cia", "nsa"});
    return set;
}

const WordSet& not_names() {
    static const WordSet set = make({
        // function words and pronouns that start sentences
        "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "in", "on", "at", "by",
        "to", "of", "from", "with", "as", "if", "when", "while", "after", "before", "since",
        "because", "although", "though", "once", "until", "unless", "whether", "where", "why",
        "how", "what", "which", "who", "whom", "whose", "that", "this", "these", "those", "there",
        "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "my", "your", "him", "them", "us", "me", "one", "some", "many", "most", "much", "more",
        "all", "both", "each", "every", "any", "no", "not", "none", "few", "several", "other",
        "others", "another", "such", "then", "now", "still", "also", "even", "only", "just",
        "yes", "well", "however", "meanwhile", "moreover", "instead", "indeed", "perhaps",
        "maybe", "later", "earlier", "today", "yesterday", "tomorrow", "tonight", "last", "next",
        "first", "second", "third", "finally", "asked", "speaking", "according", "during",
        "despite", "without", "within", "among", "between", "under", "over", "through", "about",
        "against", "like", "unlike", "following", "including", "given", "thanks", "do", "does",
        "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "let", "dear", "oh", "ok", "okay",
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "sir", "god", "lord", "jesus",
        "christ", "allah", "christmas", "easter", "ramadan", "thanksgiving",
        // months and days
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
        // generic groups and roles that are capitalised at a sentence start
        "officials", "official", "sources", "source", "experts", "critics", "people",
        "authorities", "prosecutors", "investigators", "researchers", "scientists",
        "witnesses", "residents", "supporters", "opponents", "aides", "advisers", "voters",
        "analysts", "observers", "lawmakers", "legislators", "leaders", "members", "police",
        "republicans", "democrats", "conservatives", "liberals", "progressives", "independents",
        "evangelicals", "christians", "muslims", "jews", "catholics", "protestants", "sunnis",
        "shiites", "kurds", "arabs", "europeans", "africans", "asians", "latinos", "hispanics",
        "whites", "blacks", "americans", "immigrants", "refugees", "students", "teachers",
        "parents", "doctors", "workers", "employees", "users", "fans", "viewers", "readers",
        "economists", "polls", "surveys", "studies", "reports", "documents", "data", "figures",
        "statistics", "numbers", "records", "court", "judge", "both", "everyone", "everybody",
        "someone", "somebody", "nobody", "anyone", "anybody", "internet", "web", "breaking", "update", "updated",
        "exclusive", "watch", "video", "photos", "opinion", "editorial", "analysis", "read",
        "related", "see", "click", "note", "editor", "editors", "brexit", "covid", "coronavirus",
        "ebola", "aids", "hiv", "sars", "mers", "zika", "h1n1"});
    return set;
}

const WordSet& particles() {
    static const WordSet set = make({
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
        "la", "le", "du", "dos", "das", "do", "ter", "ten", "ben", "abu", "bint", "y", "mac",
        "st"});
    return set;
}

const WordSet& suffixes() {
    static const WordSet set = make({"jr", "sr", "ii", "iii", "iv"});
    return set;
}

} // namespace

bool speech_verb(std::string_view w) { return speech_verbs().count(w) != 0; }
bool inverting_verb(std::string_view w) { return inverting_verbs().count(w) != 0; }
bool verb_companion(std::string_view w) { return companions().count(w) != 0; }
bool title_word(std::string_view w) { return titles().count(w) != 0; }

bool surname_like_organisation_word(std::string_view w) {
    static const WordSet set = make({"fox", "hall", "park", "day", "street", "bill", "church", "king", "mail",
                                     "spring", "guardian", "standard", "globe", "monitor", "press"});
    return set.count(w) != 0;
}
bool title_head(std::string_view w) { return title_heads().count(w) != 0; }
bool person_title(std::string_view w) { return person_titles().count(w) != 0; }
bool party_word(std::string_view w) { return parties().count(w) != 0; }
bool organisation_word(std::string_view w) { return organisations().count(w) != 0; }
bool not_name_word(std::string_view w) { return not_names().count(w) != 0; }
bool name_particle(std::string_view w) { return particles().count(w) != 0; }
bool name_suffix(std::string_view w) { return suffixes().count(w) != 0; }

} // namespace newsdesk::entities::lexicon
