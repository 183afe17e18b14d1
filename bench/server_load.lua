-- wrk script: a fixed mix of faceted searches against /api/search, cycled per connection.
local queries = {
  "q=oil&facet=speaker&facet=country",
  "q=%22interest+rates%22&facet=country&facet=year",
  "q=election+minister&facet=speaker&facet=source",
  "q=sanction*&facet=country",
  "q=trade+country%3Aus&facet=speaker&facet=year",
  "q=bank+OR+market&facet=speaker&facet=country&sort=newest",
  "q=government&facet=country&limit=20",
  "q=said+date%3A2010..2015&facet=speaker",
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?" .. queries[(n % #queries) + 1])
end
