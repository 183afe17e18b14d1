#include "extract/country_extractor.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "extract/country_in_names.hpp"
#include "extract/lexicon.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

// True unless a word that the form capitalises is written in lower case here.
bool capitals_kept(std::string_view form_words, const TokenStream& ts, std::size_t first) {
    std::size_t i = first;
    bool word_start = true;
    for (char c : form_words) {
        if (c == ' ') { ++i; word_start = true; continue; }
        if (word_start && c >= 'A' && c <= 'Z' && i < ts.size() && ts[i].lower && !lx::division_word(ts[i].norm))
            return false;
        word_start = false;
    }
    return true;
}

// The candidate forms of a key that fit how the words are written here.
std::vector<const CountryForm*> fitting(const std::vector<CountryForm>& forms, const TokenStream& ts,
                                        std::size_t first, std::size_t last) {
    std::vector<const CountryForm*> out;
    std::string written;
    for (std::size_t i = first; i <= last; ++i) {
        if (i > first) written += ' ';
        written += ts[i].raw;
    }
    const bool stop_follows = ts.gap_after(last).starts_with(".");
    for (const auto& f : forms) {
        if (f.needs_stop && !stop_follows) continue;
        if (f.exact_case) {
            if (written != f.written) continue;
        } else if (ts[first].lower) {
            continue;   // "turkey", "china": country names are capitalised
        } else if (first < last && !capitals_kept(f.written, ts, first)) {
            continue;   // "The valley" at a sentence start is not "The Valley"
        }
        out.push_back(&f);
    }
    return out;
}

// "US$40 million", "U.S.$5": the currency, not the country.
bool currency_prefix(const TokenStream& ts, const CountryMatch& m) {
    return m.code == "US" && m.first == m.last && ts[m.first].all_caps && ts.gap_after(m.last).starts_with("$");
}

// "250 B.C.": an abbreviation after a number is a year's era, not British Columbia.
bool era_after_year(const TokenStream& ts, const CountryMatch& m) {
    if (m.first == 0 || ts[m.last].norm.find('.') == std::string::npos) return false;
    const auto& year = ts[m.first - 1].norm;
    return !year.empty() && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A demonym that names a style, a language or a person rather than a country: "Mexican food",
// "in English and Spanish", "spoke only French", "Monica French said", "Finn said".
bool demonym_not_country(const TokenStream& ts, const CountryMatch& m) {
    if (m.kind != FormKind::demonym || m.first != m.last) return false;
    const std::size_t i = m.first;
    const auto& prev = i > 0 ? ts[i - 1].norm : std::string{};
    const auto& prev2 = i > 1 ? ts[i - 2].norm : std::string{};
    if (i + 1 < ts.size() && gap_is_space(ts[i + 1].gap)) {
        const auto& next = ts[i + 1].norm;
        if (lx::style_noun(strip_possessive(next))) return true;
        // coordinated with another style: "the Greek and Italian Grill's booth"
        if ((next == "and" || next == "or") && i + 3 < ts.size() && ts[i + 2].upper && gap_is_space(ts[i + 3].gap) &&
            lx::style_noun(strip_possessive(ts[i + 3].norm)))
            return true;
        // a singular demonym before "said" without an article is a surname ("French said")
        if (lx::surname_speech_verb(next) && !ts[i].norm.ends_with("s") && !lx::demonym_determiner(prev)) return true;
        // coordinated with the language English: "in English and Spanish", "French or English"
        if ((next == "and" || next == "or") && i + 2 < ts.size() && ts[i + 2].norm == "english") return true;
    }
    if ((prev == "and" || prev == "or") && prev2 == "english") return true;
    // "Atakapa Indians", "the Cleveland Indians": a people or team named after a name, not India
    if ((ts[i].norm == "indian" || ts[i].norm == "indians") && i > 0 && gap_is_space(ts[i].gap) &&
        ts[i - 1].upper && !ts[i - 1].sentence_start && !lx::area_word(prev))
        return true;
    if (lx::speak_verb(prev) || (i > 1 && prev == "only" && lx::speak_verb(prev2))) return true;
    return false;
}

// County-like divisions whose "X County" names an American county even when X is a country
// ("Guernsey County", "Lebanon County"); a Louisiana parish ("Rapides Parish") too.
bool american_division(const TokenStream& ts, std::size_t i) {
    if (i + 1 >= ts.size() || !gap_is_space(ts[i + 1].gap)) return false;
    if (!lx::american_division(ts[i + 1].norm)) return false;
    // "Kent County Council", "Wimbledon Parish Church": British institutions
    return !(i + 2 < ts.size() && gap_is_space(ts[i + 2].gap) &&
             lx::british_institution_word(strip_possessive(ts[i + 2].norm)));
}

// A dateline in capitals that opens the text ("MALTA — ", "LEBANON (AP) — ", "PORTLAND -- ").
bool capitalised_dateline(const TokenStream& ts, const CountryMatch& m) {
    if (m.first != 0) return false;
    for (std::size_t i = m.first; i <= m.last; ++i)
        if (!ts[i].all_caps) return false;
    const auto gap = ts.gap_after(m.last);
    // the dashes agencies put after a dateline; not the quotation dash (it signs quotes)
    return text::has_dash(gap) || gap.find('(') != std::string_view::npos;
}

// News agencies date stories from towns, so a bare country name as the dateline is a town of
// that name; and a country's name is no municipality's ("the City of Turkey", "Town of
// Lebanon"), but a town's of that name is.
bool country_named_town(const TokenStream& ts, const CountryMatch& m) {
    if (m.kind != FormKind::name) return false;
    if (capitalised_dateline(ts, m)) return true;
    return m.first > 1 && ts[m.first - 1].norm == "of" && ts[m.first - 2].upper &&
           (ts[m.first - 2].norm == "city" || ts[m.first - 2].norm == "town");
}

// Tokens after `last` up to `next` read ", (20 miles) south of": the place before is located by
// the place after.
bool located_by(const TokenStream& ts, std::size_t last, std::size_t next) {
    constexpr std::size_t MostWordsBetween = 5;   // ", about 20 miles south of"
    if (next < last + 3 || next > last + 1 + MostWordsBetween || !ts.gap_after(last).starts_with(",")) return false;
    return ts[next - 1].norm == "of" && lx::area_word(ts[next - 2].norm) && ts[next - 2].lower;
}

// The match is used as local news uses its own town's name: before a local noun ("Gainesville
// residents", "a Joliet man"; not a possessive's: "Joliet's building inspector").
bool local_use(const TokenStream& ts, const CountryMatch& m) {
    return m.last + 1 < ts.size() && gap_is_space(ts[m.last + 1].gap) && lx::local_noun(ts[m.last + 1].norm) &&
           !ts[m.last].possessive;
}

// A match before the rules that accept or reject it.
struct Raw {
    CountryMatch m;
    FormTrust trust = FormTrust::plain;
    bool foreign = false;   // only another language names the country so
};

// Matches a and b (a before b) are items of one list: "Cameroon, Chad", "Egypt and Niger",
// "Chad, and Sudan".
bool listed_together(const TokenStream& ts, const CountryMatch& a, const CountryMatch& b) {
    if (b.first == a.last + 1) return gap_has(ts[b.first].gap, ",") && !gap_has(ts[b.first].gap, ".;:");
    const auto& between = ts[a.last + 1];
    return b.first == a.last + 2 && (between.norm == "and" || between.norm == "or") && gap_is_space(ts[b.first].gap);
}

} // namespace

std::vector<CountryMatch> match_countries(const TokenStream& ts, bool headline) {
    const auto& gaz = CountryGazetteer::instance();
    std::vector<Raw> found;
    std::string key;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        // "DeKalb County", "Hall Township", "Douglas County": counties and townships named this
        // way are American, whatever else their name names (British and Irish ones are "County
        // Durham", "Kent County Council")
        if (i + 1 < ts.size() && ts[i].upper && ts[i + 1].upper && !ts[i].all_caps && ts[i].raw.size() > 1 &&
            american_division(ts, i) && !(i > 0 && ts[i - 1].norm == "county") && !ts[i].possessive) {
            Raw r;
            r.m = CountryMatch{i, i + 1, "US", FormKind::place, false};
            found.push_back(std::move(r));
            ++i;
            continue;
        }
        if (!gaz.starts_form(ts[i].norm) && !gaz.starts_form(strip_possessive(ts[i].norm))) continue;
        // The longest phrase worth trying: a key of n words starts with the first n - 1 words
        // as written, so once those start no form, no longer phrase can match.
        std::size_t longest = 1;
        key = ts[i].norm;
        for (const auto most = std::min(gaz.max_words(), ts.size() - i); longest < most && gaz.starts_form(key);) {
            key += ' ';
            key += ts[i + longest].norm;
            ++longest;
        }
        for (std::size_t n = longest; n >= 1; --n) {
            const std::size_t last = i + n - 1;
            // a name does not run across a sentence end or a comma (except "Washington, D.C.")
            bool broken = false;
            for (std::size_t k = i + 1; k <= last && !broken; ++k)
                broken = ts[k].sentence_start;
            if (broken) continue;
            key.clear();
            for (std::size_t k = i; k <= last; ++k) {
                if (k > i) key += ' ';
                key += k == last ? strip_possessive(ts[k].norm) : std::string_view{ts[k].norm};
            }
            const auto* forms = gaz.find(key);
            if (forms == nullptr) continue;
            const auto fit = fitting(*forms, ts, i, last);
            if (fit.empty()) continue;
            Raw r;
            r.m.first = i;
            r.m.last = last;
            r.m.kind = fit.front()->kind;
            bool several = false;
            r.foreign = true;
            for (const auto* f : fit) {
                r.foreign = r.foreign && f->foreign;
                if (f->kind == FormKind::blocker) { r.m.kind = FormKind::blocker; several = true; break; }
                if (r.m.code.empty()) r.m.code = f->code;
                else if (r.m.code != f->code) several = true;
                // the least trusted reading decides
                if (f->trust > r.trust) r.trust = f->trust;
                if (f->kind == FormKind::place || f->kind == FormKind::capital) r.m.kind = f->kind;
                r.m.confirm = r.m.confirm || f->confirm;
            }
            if (several) r.m.code.clear();
            found.push_back(std::move(r));
            i = last;
            break;
        }
    }

    // Lists of places: "Paris, Texas" is one place, "Stockholm, Copenhagen, Chicago and Sydney"
    // four, and a list that spans three countries or more names the famous places.
    const auto in_list = [&](std::size_t k) {
        return (k > 0 && listed_together(ts, found[k - 1].m, found[k].m)) ||
               (k + 2 < found.size() && listed_together(ts, found[k + 1].m, found[k + 2].m) &&
                listed_together(ts, found[k].m, found[k + 1].m));
    };
    // A name that needs a locative ("Chad", "Niger", "Jordan") is a country too in a list with
    // another country's plain name: "outbreaks in Burkina Faso, Cameroon, Chad, Guinea and Niger".
    constexpr std::size_t CountriesOfInternationalList = 3;
    std::vector<bool> abroad(found.size(), false);
    std::vector<std::set<std::string_view>> listed_names(found.size());   // plain names in k's list
    for (std::size_t from = 0; from < found.size();) {
        std::size_t to = from + 1;
        while (to < found.size() && listed_together(ts, found[to - 1].m, found[to].m)) ++to;
        std::set<std::string_view> codes, names;
        for (std::size_t j = from; j < to; ++j) {
            if (found[j].m.code.empty()) continue;
            codes.insert(found[j].m.code);
            if (found[j].m.kind == FormKind::name && found[j].trust == FormTrust::plain) names.insert(found[j].m.code);
        }
        for (std::size_t j = from; j < to; ++j) {
            abroad[j] = codes.size() >= CountriesOfInternationalList;
            listed_names[j] = names;
        }
        from = to;
    }
    const auto listed_with_countries = [&](std::size_t k) {
        const auto& names = listed_names[k];
        return names.size() > names.count(found[k].m.code);
    };

    std::vector<CountryMatch> out;
    out.reserve(found.size());
    for (std::size_t k = 0; k < found.size(); ++k) {
        if (!found[k].m.code.empty() && party_and_home(ts, found[k].m.first)) {
            found[k].m.code = "US";
            found[k].m.kind = FormKind::place;
            found[k].m.confirm = false;
            found[k].trust = FormTrust::plain;
        }
        // "Edmonton, south of Cairns": a place located by another lies in that one's country
        if (k + 1 < found.size() && !found[k].m.code.empty() && !found[k + 1].m.code.empty() &&
            found[k + 1].m.kind == FormKind::place && found[k].m.kind != FormKind::demonym &&
            located_by(ts, found[k].m.last, found[k + 1].m.first)) {
            found[k].m.code = found[k + 1].m.code;
            found[k].m.kind = FormKind::place;
            found[k].m.confirm = found[k + 1].m.confirm;
        }
        auto m = found[k].m;
        const auto trust = found[k].trust;
        bool ok = !m.code.empty();
        const bool single = m.first == m.last;
        const bool next_adjacent_cap = m.last + 1 < ts.size() && gap_is_space(ts.gap_after(m.last)) &&
                                       ts[m.last + 1].upper && !ts[m.last + 1].sentence_start;
        if (ok && trust == FormTrust::not_title && headline) ok = false;
        if (ok && trust == FormTrust::locative) {
            // "in Jordan" is the country; "Jordan said", "Michael Jordan" are not
            ok = ((m.first > 0 && lx::locative(ts[m.first - 1].norm)) || listed_with_countries(k)) &&
                 !next_adjacent_cap;
        }
        if (ok && single && (m.kind == FormKind::capital || m.kind == FormKind::place)) {
            // "Jack London", "George Washington": a city name as a surname. (A place name that
            // starts a longer name still names the place: "Texas Department of Transportation".)
            // After another place it is none ("Kansas City Missouri"), but a GeoNames town that
            // needs confirming is as often a given name ("Brandon Paris", "Austin Fesmire"). An
            // abbreviation is no surname ("Syracuse N.Y.").
            if (m.first > 0 && gap_is_space(ts[m.first].gap) && ts[m.first - 1].upper &&
                ts[m.first].norm.find('.') == std::string::npos &&
                !ts[m.first - 1].sentence_start && !lx::area_word(ts[m.first - 1].norm) &&
                !(k > 0 && found[k - 1].m.last + 1 == m.first && !found[k - 1].m.confirm))
                ok = false;
        }
        // "Little Portugal", "New Britain", "St. Mary's": another place's name, or a saint's
        // (but "Santa Clara County" is still an American county)
        if (ok && m.kind != FormKind::demonym && m.kind != FormKind::alias && m.first > 0 &&
            !lx::american_division(ts[m.last].norm) &&
            lx::namesake_prefix(ts[m.first - 1].norm) && !ts[m.first - 1].lower &&
            (gap_is_space(ts[m.first].gap) || ts[m.first].gap.starts_with(".")))
            ok = false;
        // towns take no article: "the Berkeley", "the Connaught" are hotels, unless the town
        // qualifies a noun ("the Gloucester fly-half"); the table's places may ("the Sinai")
        if (ok && m.confirm && m.first > 0 && ts[m.first - 1].norm == "the" && ts[m.first - 1].lower &&
            !(m.last + 1 < ts.size() && gap_is_space(ts.gap_after(m.last)) && ts[m.last + 1].lower))
            ok = false;
        m.listed_abroad = abroad[k];
        if (ok && m.kind != FormKind::demonym && m.kind != FormKind::alias && k + 1 < found.size() &&
            !in_list(k)) {
            // "Paris, Texas", "Lebanon, Pa.", "London, Ontario": a North American town; not
            // "Stockholm, Copenhagen, Chicago and Sydney"
            const auto& next = found[k + 1].m;
            if (next.first == m.last + 1 && gap_has(ts[next.first].gap, ",") &&
                next.kind == FormKind::place && next.code != m.code &&
                (next.code == "US" || next.code == "CA")) {
                ok = false;
                m.town = true;   // and its other uses in the article too
            }
        }
        if (ok && (currency_prefix(ts, m) || era_after_year(ts, m) || demonym_not_country(ts, m))) ok = false;
        if (ok && !headline && m.last + 1 < ts.size() &&
            gap_is_space(ts.gap_after(m.last)) && ts[m.last + 1].upper && lx::newspaper_word(ts[m.last + 1].norm))
            ok = false;   // "The Washington Post", "China Daily"
        // part of another name: "Rockwell <ROK>", "Rhodes Inc", "Palestine Avenue", "Credit Suisse"
        if (ok && (in_angle_brackets(ts, m.first, m.last) || in_company_name(ts, m.last) ||
                   (found[k].foreign && foreign_name_in_name(ts, m.first, m.last))))
            ok = false;
        if (ok && (in_street_name(ts, m.last) || (m.code == "US" && !m.confirm && before_route_number(ts, m.last)))) {
            ok = false;
            m.street = true;
        }
        if (!m.code.empty() && m.kind != FormKind::alias && in_person_name(ts, m.first, m.last)) {
            ok = false;
            m.person = true;
        }
        if (ok && !headline && country_named_town(ts, m)) {
            ok = false;
            m.town = true;
        }
        m.dateline = ok && !headline && m.confirm && capitalised_dateline(ts, m);
        m.local = ok && m.confirm && local_use(ts, m);
        m.accepted = ok;
        out.push_back(std::move(m));
    }
    return out;
}

namespace {
std::string match_key(const TokenStream& ts, const CountryMatch& m) {
    std::string key;
    for (std::size_t i = m.first; i <= m.last; ++i) key += std::string{strip_possessive(ts[i].norm)} + ' ';
    return key;
}
} // namespace

void confirm_places(const std::vector<const TokenStream*>& texts, std::vector<std::vector<CountryMatch>*>& matches) {
    // One sense per article: a name that a capitalised dateline shows to be a town's is the town
    // throughout ("MALTA — ... the library in Malta"), and one that a person's name shows to be
    // the person's is the person throughout ("Irvin E. Rhodes ... Rhodes won the seat").
    std::set<std::string> other_senses;
    for (std::size_t s = 0; s < matches.size(); ++s)
        for (const auto& m : *matches[s])
            if (m.town || m.person) other_senses.insert(match_key(*texts[s], m));
    if (!other_senses.empty())
        for (std::size_t s = 0; s < matches.size(); ++s)
            for (auto& m : *matches[s])
                if (m.accepted && other_senses.count(match_key(*texts[s], m)) != 0) m.accepted = false;

    // The forms each country is named by (GeoNames places not yet confirmed included).
    std::map<std::string, std::set<std::string>> keys_of;   // code -> distinct forms
    for (std::size_t s = 0; s < matches.size(); ++s)
        for (const auto& m : *matches[s])
            if (m.accepted) keys_of[m.code].insert(match_key(*texts[s], m));
    // Whether the article names a place of `code` other than the match `m` of text `s`, and not
    // written against it ("rock band Brandon Paris Band" is one name).
    const auto other_place = [&](std::size_t s, const CountryMatch& m, const std::string& key,
                                 const std::string& code) {
        for (std::size_t t = 0; t < matches.size(); ++t)
            for (const auto& o : *matches[t])
                if (o.accepted && o.kind == FormKind::place && o.code == code && match_key(*texts[t], o) != key &&
                    !(t == s && (o.last + 1 == m.first || m.last + 1 == o.first)))
                    return true;
        return false;
    };

    // Countries named by name, demonym or alias, not only by their places.
    std::set<std::string> named;
    for (const auto* list : matches)
        for (const auto& m : *list)
            if (m.accepted && m.kind != FormKind::place && m.kind != FormKind::capital) named.insert(m.code);

    // A name that is the article's only form of its country, and also a town of another country
    // whose other places the article names, is that town: Paris, Texas, beside Clarksville and Lamar
    // County; Edmonton, London, beside Enfield. A country's own name is that famous that only a
    // local story, which has no need to name its own country, uses it for a town: Palestine,
    // Texas, beside Anderson County, but Lebanon beside Ohio and "U.S. officials" is Lebanon.
    // The town then vouches for its country's other places.
    const auto& gaz = CountryGazetteer::instance();
    std::map<std::string, std::set<std::string>> vouched;   // code -> forms that confirm its places
    for (std::size_t s = 0; s < matches.size(); ++s) {
        for (auto& m : *matches[s]) {
            if (!m.accepted || m.listed_abroad || m.kind == FormKind::demonym || m.kind == FormKind::alias) continue;
            const auto key = match_key(*texts[s], m);
            if (keys_of[m.code].size() != 1) continue;
            const std::string_view town{key.data(), key.size() - 1};   // without match_key's final space
            for (const auto& [code, keys] : keys_of) {
                if (code == m.code || !gaz.town_in(town, code)) continue;
                if (m.kind == FormKind::name && named.count(code) != 0) continue;
                if (other_place(s, m, key, code)) {
                    m.accepted = false;
                    vouched[code].insert(key);
                    break;
                }
            }
        }
    }

    // Which countries have places named that the project table vouches for.
    named.clear();
    std::set<std::string> with_places;
    for (std::size_t s = 0; s < matches.size(); ++s) {
        for (const auto& m : *matches[s]) {
            // streets are mostly named after places of their own country ("Washington Drive" in
            // Arlington, Texas): one vouches for the article's towns of that country
            if (m.street && !m.confirm) vouched[m.code].insert(match_key(*texts[s], m));
            if (!m.accepted) continue;
            if (!m.confirm) vouched[m.code].insert(match_key(*texts[s], m));
            // only places the table vouches for show that the article is about another country
            if (m.kind == FormKind::place) {
                if (!m.confirm) with_places.insert(m.code);
            } else if (m.kind != FormKind::capital) {
                named.insert(m.code);
            }
        }
    }
    // A city or region of a country the article never names, in an article that names places
    // of another country it never names either (a local story, which has no need to name its
    // own country), is most likely a namesake too (Berlin, Connecticut; Kingston, Queensland).
    // It counts only when the article confirms its country. GeoNames places that are not famous
    // always need that confirmation.
    for (std::size_t s = 0; s < matches.size(); ++s) {
        for (auto& m : *matches[s]) {
            if (!m.accepted || (m.kind != FormKind::place && m.kind != FormKind::capital)) continue;
            if (named.count(m.code) != 0) continue;
            const auto key = match_key(*texts[s], m);
            if (m.confirm) {
                // another place of the country that the project table knows confirms it
                // and so does a dateline or a local use, when no other country has a town of that name
                if ((m.dateline || m.local) && !gaz.town_outside(std::string_view{key.data(), key.size() - 1}, m.code))
                    continue;
                const auto& v = vouched[m.code];
                if (v.size() > 1 || (v.size() == 1 && v.count(key) == 0)) continue;
                m.accepted = false;
                continue;
            }
            if (keys_of[m.code].size() > 1 || m.listed_abroad) continue;
            const bool elsewhere = std::any_of(with_places.begin(), with_places.end(), [&](const std::string& c) {
                return c != m.code && named.count(c) == 0;
            });
            if (elsewhere) m.accepted = false;
        }
    }
}

} // namespace newsdesk::entities
