// An outside program using newsdesk through its installed package: it indexes two articles,
// then searches them with a facet, as a newsroom tool embedding newsdesk would.
//   search_archive DATABASE-DIR [QUERY]
#include <iostream>

#include <newsdesk/newsdesk.hpp>

int main(int argc, char* argv[]) {
    if (argc < 2) {
        std::cerr << "usage: search_archive DATABASE-DIR [QUERY]\n";
        return 2;
    }
    try {
        {
            newsdesk::Writer writer(argv[1]);
            newsdesk::Article a;
            a.id = "example-1";
            a.title = "Ministers meet in Ankara";
            a.body = "Turkish President Recep Tayyip Erdogan said on Monday that trade with Iran would grow.";
            a.date = "2021-05-16";
            writer.add(a);
            a.id = "example-2";
            a.title = "Talks in Nairobi";
            a.body = "\"We will build the road together,\" Kenyan President Daniel Mwangi told reporters.";
            a.date = "2022-03-02";
            writer.add(a);
            writer.commit();
        }
        const auto index = newsdesk::Index::open(argv[1]);
        newsdesk::SearchRequest request;
        request.query = argc > 2 ? argv[2] : "";
        request.facets = {"speaker", "country"};
        const auto results = index.search(request);
        std::cout << results.total << " articles\n";
        for (const auto& hit : results.hits) std::cout << hit.rank << ". " << hit.article.title << '\n';
        for (const auto& facet : results.facets)
            for (const auto& value : facet.values)
                std::cout << facet.name << ": " << value.label << " (" << value.count << ")\n";
    } catch (const newsdesk::Error& e) {
        std::cerr << "search_archive: " << e.what() << '\n';
        return 1;
    }
}
