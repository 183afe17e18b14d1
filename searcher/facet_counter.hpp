#pragma once
// Exact facet counts over a whole match set, gathered while Xapian matches.
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdesk {

// Counts the values of one slot, each article once per distinct value. A slot may hold
// several values joined by schema::MultiValueSeparator (speakers, countries); Xapian's own
// ValueCountMatchSpy counts whole slot contents only.
class ValueListCountSpy : public Xapian::MatchSpy {
public:
    explicit ValueListCountSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsdesk.ValueListCountSpy"; }
    const std::unordered_map<std::string, Xapian::doccount>& counts() const { return counts_; }

private:
    Xapian::valueno slot_;
    std::unordered_map<std::string, Xapian::doccount> counts_;
};

} // namespace newsdesk
