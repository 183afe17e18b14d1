# The benchmark's plot: indexing speed and query latency per engine, both on log scales.
# gnuplot -e "data='PLOT.dat'; out='OUT.png'; n='100000'" bench/plot.gp
set terminal pngcairo size 1400,560 font "sans,10"
set output out
set multiplot layout 1,2 title sprintf("newsdesk and its peers, %s articles", n)
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set grid ytics
set logscale y
set xtics rotate by 30 right nomirror
set termoption noenhanced   # engine names hold underscores
set key top left

set title "Indexing (higher is better)"
set ylabel "articles/s"
set style histogram clustered gap 1
plot data using 2:xtic(1) title "articles/s" linecolor rgb "#4477aa"

set title "Query latency, top 10 + speaker and country facets (lower is better)"
set ylabel "ms"
plot data using 3:xtic(1) title "p50" linecolor rgb "#66ccee", \
     '' using 4 title "p95" linecolor rgb "#4477aa", \
     '' using 5 title "p99" linecolor rgb "#222255"
unset multiplot
