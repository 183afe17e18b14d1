// End-to-end: NewsML-G2 and NITF files through the real program: IPTC's own examples, and
// hostile XML beside good articles in one directory.
#include <nlohmann/json.hpp>

#include "support/billion_laughs.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string nitf(const std::string& word) {
    return "<?xml version=\"1.0\"?>\n<nitf><head><docdata><doc-id id-string=\"" + word +
           "\"/></docdata></head><body><body.head><hedline><hl1>Report on " + word +
           "</hl1></hedline></body.head>\n<body.content><p>The " + word +
           " harbour reopened on Monday, officials said.</p></body.content></body></nitf>\n";
}

} // namespace

TEST_CASE("newsml: IPTC's examples are indexed, their pictures and fragments reported", "[cli][newsml]") {
    const auto examples = shared_data("data/newsml-g2");
    if (!fs::exists(examples)) return;
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, "--json", examples.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 1);   // something was skipped
    const auto summary = json::parse(r.out);
    CHECK(summary["added"] == 3);   // listings 1, 2 and 22: the text items
    CHECK(summary["skipped"] == 9);
    CHECK(summary["skipped_by_reason"] == json({{"not a text item", 2},
                                                {"empty item", 5},
                                                {"not a news document", 2}}));
    CHECK(has(r.err, "LISTING_3_Photo_in_NewsML-G2.xml: not a text item (ninat:picture), skipped"));
    CHECK(has(r.err, "LISTING_24_News_Message_conveying_a_complete_News_Package.xml:item 1: not a text item (packageItem)"));
    CHECK(has(r.err, "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml: not a news document: neither NewsML-G2, NITF, RSS nor Atom (root <contentMeta>)"));
    CHECK(search_total(db, "Diamondbacks") == 1);
    CHECK(search_total(db, "luptat") == 1);          // the body of listing 2, from its inline NITF
    CHECK(search_total(db, "bubble") == 2);          // listing 1 has a headline and no body
    CHECK(search_total(db, "Spencer") == 0);         // the photo's caption is not indexed
    const auto hits = json::parse(run_newsdesk({"search", "--db", db, "--json", "luptat"}).out)["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
    CHECK(hits[0]["date"] == "2016-11-21");   // contentCreated
    CHECK(hits[0]["authors"] == json::array({"Meredith Jameson"}));
    CHECK(hits[0]["source"] == "Acme News and Media LLC");
    CHECK(hits[0]["dateline"] == "New York, NY");
    CHECK(hits[0]["language"] == "en");
}

TEST_CASE("newsml: extract gives the story's title, body and metadata", "[cli][newsml][extract]") {
    const auto story = shared_data("data/newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml");
    if (!fs::exists(story)) return;
    const auto r = run_newsdesk({"extract", "--json", story.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto a = json::parse(r.out);
    CHECK(a["id"] == "tag:xmlteam.com,2016:xt.5932656-preview");
    CHECK(a["title"] == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.");
    CHECK(a["language"] == "en");
    const auto countries = a["countries"].get<std::vector<std::string>>();
    CHECK(std::find(countries.begin(), countries.end(), "US") != countries.end());
}

TEST_CASE("newsml: hostile XML beside good articles in one directory", "[cli][newsml][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto in = dir / "in";
    fs::create_directories(in);
    const auto write = [&](const std::string& name, const std::string& content) {
        std::ofstream(in / name, std::ios::binary) << content;
    };
    write("good.nitf", nitf("zyxalpha"));
    write("packed.xml", nitf("zyxbravo"));
    REQUIRE(std::system(("gzip " + shell_quote((in / "packed.xml").string())).c_str()) == 0);
    const auto whole = nitf("zyxcharlie");
    write("truncated.xml", whole.substr(0, whole.find(" harbour")));   // cut off inside a paragraph
    write("laughs.xml", "<?xml version=\"1.0\"?>" + billion_laughs_doctype("nitf") +
                            "<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>");
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<d>";
    write("deep.xml", "<nitf><body><body.content>" + deep);
    write("sitemap.xml", "<urlset><url><loc>https://example.org/zyxdelta</loc></url></urlset>");
    write("more.jsonl", R"({"id":"j","title":"zyxecho","body":"Fine."})" "\n");

    const auto r = run_newsdesk({"index", "--db", db, "--json", in.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 1);
    const auto summary = json::parse(r.out);
    CHECK(summary["added"] == 3);
    CHECK(summary["skipped"] == 4);
    CHECK(summary["skipped_by_reason"] == json({{"malformed XML", 1},
                                                {"entity refused", 1},
                                                {"too deeply nested", 1},
                                                {"not a news document", 1}}));
    CHECK(has(r.err, (in / "laughs.xml").string() + ":1: entity refused"));
    CHECK(has(r.err, (in / "truncated.xml").string() + ":"));
    CHECK(has(r.err, ": malformed XML: the document is cut off, or goes on after its root element"));
    CHECK(has(r.err, (in / "deep.xml").string() + ":1: too deeply nested"));
    CHECK(has(r.err, (in / "sitemap.xml").string() + ": not a news document: neither NewsML-G2, NITF, RSS nor Atom (root <urlset>)"));
    CHECK_FALSE(has(r.err, "newsdesk: "));
    CHECK(search_total(db, "zyxalpha") == 1);
    CHECK(search_total(db, "zyxbravo") == 1);
    CHECK(search_total(db, "zyxecho") == 1);
    CHECK(search_total(db, "zyxcharlie") == 0);
    CHECK(search_total(db, "zyxdelta") == 0);
}

TEST_CASE("newsml: --format newsml reads a file of any name as NewsML-G2 or NITF", "[cli][newsml]") {
    TempDir dir;
    const auto file = dir.write("story.dat", nitf("zyxfoxtrot"));
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, "--json", "--format", "newsml", file.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["added"] == 1);
    CHECK(search_total(db, "zyxfoxtrot") == 1);
    // Without --format its name says nothing, and its content says NITF: read as the same
    // article, it is passed over as unchanged.
    const auto sniffed = run_newsdesk({"index", "--db", db, "--json", file.string()});
    REQUIRE(sniffed.exit_code == 0);
    CHECK(json::parse(sniffed.out)["unchanged"] == 1);
}
