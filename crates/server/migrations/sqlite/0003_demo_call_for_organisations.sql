-- A second demo call, for organisations proposing projects (channel 3, PON Metro 3.3.1.b:
-- social innovation and start-ups), so that the organisations' youth application can be tried.
INSERT INTO calls (id, title, min_age, max_age, target, opens_on, closes_on, description, demo) VALUES (
    'demo-2026-progetti',
    'Avviso dimostrativo 2026: progetti di scuole, imprese e associazioni per i giovani',
    16, 35, 'organisations', '2026-01-01', '2027-12-31',
    'Avviso di prova per provare la proposta di progetto del canale 3 (innovazione sociale o start-up). Non è un avviso reale.',
    1
);
