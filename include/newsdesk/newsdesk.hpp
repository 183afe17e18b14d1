#pragma once
// newsdesk: full-text search for news archives. Everything the library offers:
#include <newsdesk/article.hpp>    // Article, Quote, CountryMention, QuoteRecord
#include <newsdesk/database.hpp>   // Index (search), Writer (add, remove, commit)
#include <newsdesk/entities.hpp>   // extraction of speakers, quotes and countries
#include <newsdesk/errors.hpp>     // the error hierarchy
#include <newsdesk/indexing.hpp>   // indexing and reading whole archives
#include <newsdesk/search.hpp>     // requests and results
#include <newsdesk/unicode.hpp>    // UTF-8 validation
#include <newsdesk/watches.hpp>    // saved searches that alert
