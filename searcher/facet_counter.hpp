#pragma once
// Exact facet counts over a whole match set, gathered while Xapian matches.
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// Counts the values of one or more slots, each document once per distinct value. A slot may
// hold several values joined by schema::MultiValueSeparator (speakers, countries); Xapian's
// own ValueCountMatchSpy counts whole slot contents of one slot only.
class ValueListCountSpy : public Xapian::MatchSpy {
public:
    struct Count {
        Xapian::doccount documents = 0;
        std::size_t slot_index = 0;   // which of the slots the value was first seen in
    };
    explicit ValueListCountSpy(std::vector<Xapian::valueno> slots) : slots_(std::move(slots)) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsdesk.ValueListCountSpy"; }
    const std::unordered_map<std::string, Count>& counts() const { return counts_; }

private:
    std::vector<Xapian::valueno> slots_;
    std::unordered_map<std::string, Count> counts_;
    std::vector<std::pair<std::string, std::size_t>> scratch_;   // one document's values
};

} // namespace newsdesk
