-- Site search on PostgreSQL: the papers' search with and without its GIN expression index (HandWrittenSql,
-- IX_Papers_Search), on invented papers of about 2.7 kB text each. Run against a throw-away database:
--   createdb -h 127.0.0.1 -p 55433 -U postgres fts_bench && psql -h 127.0.0.1 -p 55433 -U postgres -d fts_bench -f bench/SiteSearch/index.sql
-- The query is the one EF writes for PaperSearch (see FindYourWayTests' plan test), with the typed text as a literal.
create table "Papers"(id serial primary key, "Name" text not null, "Reference" text, "DecisionProposal" text, "Reasons" text);
insert into "Papers"("Name", "Reference", "DecisionProposal", "Reasons")
select 'Vorlage ' || i || ' zur ' || (array['Beleuchtung','Videobeobachtung','Prävention','Ordnungspartnerschaft','Sauberkeit'])[1 + i % 5]
           || ' im Stadtbezirk ' || (array['Innenstadt-Nord','Hörde','Eving','Mengede'])[1 + i % 4],
       (10000 + i) || '-22',
       'Der Rat beschließt die Maßnahmen zur Sicherheit im Quartier und beauftragt die Verwaltung mit der Umsetzung. '
           || repeat('Die Verwaltung berichtet halbjährlich über den Sachstand der Maßnahmen. ', 5),
       repeat('Begründung: Die Einwohnerinnen und Einwohner wünschen sich mehr Sicherheit, bessere Beleuchtungen und saubere Plätze. ', 20) || ' Nummer ' || i
from generate_series(1, 500) i;
analyze "Papers";
\set search 'select id from "Papers" p where setweight(to_tsvector(''german'', p."Name" || '' '' || COALESCE(p."Reference", '''')), ''A'') || to_tsvector(''german'', COALESCE(p."DecisionProposal", '''') || '' '' || COALESCE(p."Reasons", '''')) @@ websearch_to_tsquery(''german'', ''Videobeobachtungen Hörde'') order by ts_rank(setweight(to_tsvector(''german'', p."Name" || '' '' || COALESCE(p."Reference", '''')), ''A'') || to_tsvector(''german'', COALESCE(p."DecisionProposal", '''') || '' '' || COALESCE(p."Reasons", '''')), websearch_to_tsquery(''german'', ''Videobeobachtungen Hörde'')) desc limit 5'
explain analyze :search;
CREATE INDEX "IX_Papers_Search" ON "Papers" USING GIN ((setweight(to_tsvector('german', "Name" || ' ' || COALESCE("Reference", '')), 'A')
    || to_tsvector('german', COALESCE("DecisionProposal", '') || ' ' || COALESCE("Reasons", ''))));
analyze "Papers";
explain analyze :search;
