// The search page of `parlsearch serve`: a search box, hits beside their translations, facets,
// charts of the hits over time and per party, paging. The whole state lives in the URL's query
// string (q, lang, party, speaker, doc, section, from, to, sort, offset, ui), so a search can be
// bookmarked and shared, and back/forward replay it.
//
// Text from the API is inserted with textContent, except the snippets, which the API sends as
// escaped HTML with <mark>: they are parsed inertly and rebuilt keeping only text and <mark>.
'use strict';

(() => {
  const PAGE_SIZE = 10;
  const FACETS = ['party', 'speaker', 'lang', 'doc'];
  const LIST_PARAMS = ['lang', 'party', 'speaker', 'doc', 'section'];
  const FACET_VALUES_SHOWN = 8;
  const MONTHS_BEFORE_YEARS = 36;  // a longer span is charted per year
  const PARTY_YEAR = 'party:year';  // the crossed facet of the small multiples
  const PARTY_PANELS = 12;          // parties charted; the table has them all
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---------------------------------------------------------------------------------------------
  // Interface strings, in Dutch and French.

  const STRINGS = {
    nl: {
      title: 'Debatten zoeken – Brussels Parlement',
      skip: 'Naar de resultaten',
      tagline: 'Debatten van het Brussels Parlement',
      searchLabel: 'Zoeken in de debatten',
      searchPlaceholder: 'bv. interoperabiliteit, "bescherming van gegevens"',
      searchButton: 'Zoeken',
      searchHelp: 'Zoek in het Nederlands of het Frans: elke paragraaf staat naast haar vertaling.',
      filtersHeading: 'Verfijnen',
      activeFilters: 'Actieve filters',
      clearFilters: 'Alle filters wissen',
      'facet.party': 'Partij',
      'facet.speaker': 'Spreker',
      'facet.lang': 'Taal',
      'facet.doc': 'Document',
      'facet.section': 'Afdeling',
      'facet.date': 'Periode',
      facetEmpty: 'Geen waarden',
      showMore: (n) => `Toon nog ${n}`,
      showLess: 'Toon minder',
      colon: ': ',
      removeFilter: (label) => `Filter verwijderen: ${label}`,
      introHeading: 'Zoeken in de parlementaire debatten',
      introText: 'Typ een of meer woorden. Elke gevonden paragraaf staat naast haar vertaling; ' +
        'de filters links verfijnen de resultaten.',
      syntaxWord: 'het woord en zijn vormen, met of zonder accenten',
      syntaxPhrase: 'de woorden in deze volgorde',
      syntaxPrefix: 'woorden die zo beginnen',
      syntaxBoolean: 'combinaties met AND, OR, NOT',
      syntaxField: 'een spreker; ook party:, doc:, section:, date:2024',
      indexStats: (paragraphs, documents) =>
        `De index bevat ${number(paragraphs)} paragrafen uit ${number(documents)} ` +
        `${documents === 1 ? 'document' : 'documenten'}.`,
      overviewHeading: 'Overzicht',
      chartTime: 'Resultaten in de tijd',
      chartParty: 'Resultaten per partij',
      chartPartyYear: 'Resultaten per partij en per jaar',
      chartNoPartyYears: 'Geen partij met datum bekend voor deze resultaten.',
      chartYear: 'Jaar',
      chartMoreParties: (count) => `en ${count} ${count === 1 ? 'andere partij' : 'andere partijen'} (in de tabel)`,
      downloadCounts: 'Tellingen downloaden (CSV)',
      chartNoDates: 'Geen datums bekend voor deze resultaten.',
      chartNoParties: 'Geen partij bekend voor deze resultaten.',
      chartTable: 'Als tabel',
      chartPeriod: 'Periode',
      chartCount: 'Resultaten',
      barLabel: (label, count, selected) =>
        `${label}: ${count} ${count === 1 ? 'resultaat' : 'resultaten'}` +
        (selected ? ' (filter actief; klik om te wissen)' : ' (klik om te filteren)'),
      resultsHeading: 'Resultaten',
      sortLabel: 'Sorteren op',
      'sort.relevance': 'relevantie',
      'sort.date': 'datum',
      previous: 'Vorige',
      next: 'Volgende',
      pagerLabel: 'Pagina’s',
      pageInfo: (first, last, total) => `${first}–${last} van ${total}`,
      footer: 'Commissieverslagen van het Brussels Hoofdstedelijk Parlement, in het Nederlands ' +
        'en het Frans.',
      total: (count, exact, query) =>
        count === 0 ? `Geen resultaten voor “${query}”.`
          : `${exact ? '' : 'Ongeveer '}${number(count)} ` +
            `${count === 1 ? 'resultaat' : 'resultaten'} voor “${query}”.`,
      loading: 'Zoeken…',
      suggestionBefore: 'Bedoelde u ',
      suggestionAfter: '?',
      download: 'Alle resultaten downloaden:',
      correctedBefore: 'Resultaten voor ',
      correctedMiddle: '. Zoek in plaats daarvan op ',
      correctedAfter: '.',
      matchAny: 'Geen enkele paragraaf bevat al uw woorden: dit zijn de paragrafen die er ' +
        'enkele bevatten.',
      expanded: 'Ook gezocht op de vertalingen: ',
      related: 'Hoger gerangschikt met woorden van vertaalde paragrafen die op de zoekvraag lijken: ',
      relatedToggle: 'Verwante woorden',
      relatedTitle: 'Rangschik ook met de woorden van vertaalde paragrafen die op de zoekvraag lijken (trager)',
      errorQuery: 'Deze zoekopdracht is niet geldig: ',
      errorUnavailable: 'De index is momenteel niet beschikbaar: ',
      errorOther: 'Er ging iets mis: ',
      errorNetwork: 'De server is niet bereikbaar. Probeer het later opnieuw.',
      'lang.nl': 'Nederlands',
      'lang.fr': 'Frans',
      'role.minister': 'minister',
      'role.chair': 'voorzitter',
      'role.rapporteur': 'rapporteur',
      'role.member': 'lid',
      unknownSpeaker: 'Spreker onbekend',
      noTranslation: 'Geen vertaling beschikbaar.',
      documentLabel: 'Document',
      pageLabel: 'pagina',
      pageShort: (page) => `p. ${page}`,
      sectionLabel: 'Afdeling',
      dateLabel: 'Datum',
      partyLabel: 'Partij',
      showContext: 'Volledige tekst en context',
      kwicToggle: 'Concordantie',
      kwicCaption: 'Elk gevonden woord met zijn context links en rechts',
      kwicLeft: 'Links',
      kwicWord: 'Woord',
      kwicRight: 'Rechts',
      kwicWhere: 'Bron',
      paragraphTotal: (doc) => `Een paragraaf uit ${doc}`,
      paragraphMissing: 'Deze paragraaf staat niet (meer) in de index.',
      backToSearch: (query) => `Alle resultaten voor “${query}”`,
      hideContext: 'Context verbergen',
      contextLoading: 'Laden…',
      contextError: 'De context kon niet worden geladen.',
      contextBefore: 'Vorige paragraaf',
      contextAfter: 'Volgende paragraaf',
    },
    fr: {
      title: 'Rechercher dans les débats – Parlement bruxellois',
      skip: 'Aller aux résultats',
      tagline: 'Débats du Parlement bruxellois',
      searchLabel: 'Rechercher dans les débats',
      searchPlaceholder: 'p. ex. interopérabilité, "protection des données"',
      searchButton: 'Rechercher',
      searchHelp: 'Cherchez en français ou en néerlandais : chaque paragraphe figure à côté ' +
        'de sa traduction.',
      filtersHeading: 'Affiner',
      activeFilters: 'Filtres actifs',
      clearFilters: 'Effacer tous les filtres',
      'facet.party': 'Parti',
      'facet.speaker': 'Orateur',
      'facet.lang': 'Langue',
      'facet.doc': 'Document',
      'facet.section': 'Section',
      'facet.date': 'Période',
      facetEmpty: 'Aucune valeur',
      showMore: (n) => `Afficher ${n} de plus`,
      showLess: 'Afficher moins',
      colon: ' : ',
      removeFilter: (label) => `Retirer le filtre : ${label}`,
      introHeading: 'Rechercher dans les débats parlementaires',
      introText: 'Tapez un ou plusieurs mots. Chaque paragraphe trouvé figure à côté de sa ' +
        'traduction ; les filtres à gauche affinent les résultats.',
      syntaxWord: 'le mot et ses formes, avec ou sans accents',
      syntaxPhrase: 'les mots dans cet ordre',
      syntaxPrefix: 'les mots qui commencent ainsi',
      syntaxBoolean: 'combinaisons avec AND, OR, NOT',
      syntaxField: 'un orateur ; aussi party:, doc:, section:, date:2024',
      indexStats: (paragraphs, documents) =>
        `L’index contient ${number(paragraphs)} paragraphes de ${number(documents)} ` +
        `document${documents === 1 ? '' : 's'}.`,
      overviewHeading: 'Vue d’ensemble',
      chartTime: 'Résultats dans le temps',
      chartParty: 'Résultats par parti',
      chartPartyYear: 'Résultats par parti et par année',
      chartNoPartyYears: 'Aucun parti daté connu pour ces résultats.',
      chartYear: 'Année',
      chartMoreParties: (count) => `et ${count} ${count === 1 ? 'autre parti' : 'autres partis'} (dans le tableau)`,
      downloadCounts: 'Télécharger les comptes (CSV)',
      chartNoDates: 'Aucune date connue pour ces résultats.',
      chartNoParties: 'Aucun parti connu pour ces résultats.',
      chartTable: 'Sous forme de tableau',
      chartPeriod: 'Période',
      chartCount: 'Résultats',
      barLabel: (label, count, selected) =>
        `${label} : ${count} résultat${count === 1 ? '' : 's'}` +
        (selected ? ' (filtre actif ; cliquer pour l’effacer)' : ' (cliquer pour filtrer)'),
      resultsHeading: 'Résultats',
      sortLabel: 'Trier par',
      'sort.relevance': 'pertinence',
      'sort.date': 'date',
      previous: 'Précédent',
      next: 'Suivant',
      pagerLabel: 'Pages',
      pageInfo: (first, last, total) => `${first}–${last} sur ${total}`,
      footer: 'Rapports de commission du Parlement de la Région de Bruxelles-Capitale, en ' +
        'français et en néerlandais.',
      total: (count, exact, query) =>
        count === 0 ? `Aucun résultat pour « ${query} ».`
          : `${exact ? '' : 'Environ '}${number(count)} ` +
            `résultat${count === 1 ? '' : 's'} pour « ${query} ».`,
      loading: 'Recherche…',
      suggestionBefore: 'Vouliez-vous dire ',
      suggestionAfter: ' ?',
      download: 'Télécharger tous les résultats :',
      correctedBefore: 'Résultats pour ',
      correctedMiddle: '. Rechercher plutôt ',
      correctedAfter: '.',
      matchAny: 'Aucun paragraphe ne contient tous vos mots : voici ceux qui en contiennent ' +
        'certains.',
      expanded: 'Recherche étendue aux traductions : ',
      related: 'Classés plus haut avec les mots de paragraphes traduits proches de la recherche : ',
      relatedToggle: 'Mots apparentés',
      relatedTitle: 'Classer aussi avec les mots de paragraphes traduits proches de la recherche (plus lent)',
      errorQuery: 'Cette recherche n’est pas valide : ',
      errorUnavailable: 'L’index n’est pas disponible pour le moment : ',
      errorOther: 'Une erreur s’est produite : ',
      errorNetwork: 'Le serveur est injoignable. Réessayez plus tard.',
      'lang.nl': 'Néerlandais',
      'lang.fr': 'Français',
      'role.minister': 'ministre',
      'role.chair': 'présidence',
      'role.rapporteur': 'rapporteur',
      'role.member': 'membre',
      unknownSpeaker: 'Orateur inconnu',
      noTranslation: 'Pas de traduction disponible.',
      documentLabel: 'Document',
      pageLabel: 'page',
      pageShort: (page) => `p. ${page}`,
      sectionLabel: 'Section',
      dateLabel: 'Date',
      partyLabel: 'Parti',
      showContext: 'Texte complet et contexte',
      kwicToggle: 'Concordance',
      kwicCaption: 'Chaque mot trouvé avec son contexte à gauche et à droite',
      kwicLeft: 'Gauche',
      kwicWord: 'Mot',
      kwicRight: 'Droite',
      kwicWhere: 'Source',
      paragraphTotal: (doc) => `Un paragraphe de ${doc}`,
      paragraphMissing: 'Ce paragraphe n’est pas (ou plus) dans l’index.',
      backToSearch: (query) => `Tous les résultats pour « ${query} »`,
      hideContext: 'Masquer le contexte',
      contextLoading: 'Chargement…',
      contextError: 'Le contexte n’a pas pu être chargé.',
      contextBefore: 'Paragraphe précédent',
      contextAfter: 'Paragraphe suivant',
    },
  };

  let uiLanguage = 'nl';

  function t(key, ...args) {
    const value = STRINGS[uiLanguage][key] ?? STRINGS.nl[key] ?? key;
    return typeof value === 'function' ? value(...args) : value;
  }

  function locale() {
    return uiLanguage === 'fr' ? 'fr-BE' : 'nl-BE';
  }

  function number(value) {
    return new Intl.NumberFormat(locale()).format(value);
  }

  function defaultUiLanguage() {
    for (const tag of navigator.languages || [navigator.language || '']) {
      const primary = String(tag).toLowerCase().slice(0, 2);
      if (primary === 'fr' || primary === 'nl') return primary;
    }
    return 'nl';
  }

  // ---------------------------------------------------------------------------------------------
  // State: what the URL says.

  function emptyState() {
    return {
      q: '', lang: [], party: [], speaker: [], doc: [], section: [],
      from: '', to: '', sort: 'relevance', offset: 0, exact: false, kwic: false, related: false,
      ui: uiLanguage,
      paragraph: '',  // one paragraph's id: the page shows it in its context (a feed links so)
    };
  }

  function stateFromUrl(search) {
    const params = new URLSearchParams(search);
    const state = emptyState();
    state.q = (params.get('q') || '').trim();
    for (const name of LIST_PARAMS) {
      state[name] = [...new Set(params.getAll(name).filter((value) => value !== ''))];
    }
    state.from = isDate(params.get('from')) ? params.get('from') : '';
    state.to = isDate(params.get('to')) ? params.get('to') : '';
    state.sort = params.get('sort') === 'date' ? 'date' : 'relevance';
    state.exact = params.get('exact') === '1';
    state.paragraph = params.get('paragraph') || '';
    state.kwic = params.get('kwic') === '1';
    state.related = params.get('related') === '1';
    const offset = Number.parseInt(params.get('offset') || '0', 10);
    state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
    const ui = params.get('ui');
    state.ui = ui === 'nl' || ui === 'fr' ? ui : defaultUiLanguage();
    return state;
  }

  function isDate(value) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  }

  function urlFromState(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const name of LIST_PARAMS) {
      for (const value of state[name]) params.append(name, value);
    }
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (state.offset > 0) params.set('offset', String(state.offset));
    if (state.exact) params.set('exact', '1');
    if (state.paragraph) params.set('paragraph', state.paragraph);
    if (state.kwic) params.set('kwic', '1');
    if (state.related) params.set('related', '1');
    params.set('ui', state.ui);
    return `${location.pathname}?${params}`;
  }

  function withChanges(changes) {
    return { ...current, offset: 0, paragraph: '', ...changes };
  }

  function hasFilters(state) {
    return LIST_PARAMS.some((name) => state[name].length > 0) || state.from !== '' ||
      state.to !== '';
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers.

  const $ = (selector, root = document) => root.querySelector(selector);

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attributes);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function svgElement(tag, attributes = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attributes);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function setAttributes(node, attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'text') {
        node.textContent = value;
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }

  function visuallyHidden(text) {
    return element('span', { class: 'visually-hidden', text });
  }

  // The snippet's HTML (escaped text with <mark>) as DOM nodes: parsed in an inert template,
  // then rebuilt from its text and <mark> elements alone, whatever else it might hold.
  function snippetNodes(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const fragment = document.createDocumentFragment();
    const copy = (source, target) => {
      for (const node of source.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          target.append(node.data);
        } else if (node.nodeType === Node.ELEMENT_NODE && node.localName === 'mark') {
          const mark = document.createElement('mark');
          copy(node, mark);
          target.append(mark);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          target.append(node.textContent);
        }
      }
    };
    copy(template.content, fragment);
    return fragment;
  }

  // The words the snippets mark, to mark them again in the full text.
  function markedWords(...htmls) {
    const words = new Set();
    for (const html of htmls) {
      if (!html) continue;
      for (const mark of snippetNodes(html).querySelectorAll('mark')) {
        const word = mark.textContent.trim();
        if (word) words.add(word.toLocaleLowerCase());
      }
    }
    return [...words];
  }

  function highlightedText(text, words) {
    const fragment = document.createDocumentFragment();
    if (words.length === 0) {
      fragment.append(text);
      return fragment;
    }
    const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    escaped.sort((a, b) => b.length - a.length);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(last, match.index));
      fragment.append(element('mark', { text: match[0] }));
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  function formatDate(date) {
    if (!isDate(date)) return date;
    const [year, month, day] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' })
      .format(new Date(Date.UTC(year, month - 1, day)));
  }

  function formatMonth(month, style = 'long') {
    const [year, number] = month.split('-').map(Number);
    const options = style === 'long' ? { month: 'long', year: 'numeric' }
      : { month: 'short', year: '2-digit' };
    return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' })
      .format(new Date(Date.UTC(year, number - 1, 1)));
  }

  function lastDayOfMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  // The period that from/to cover, named as a month or a year when they are exactly one.
  function periodLabel(from, to) {
    if (from && to) {
      const [year, month] = from.split('-').map(Number);
      const padded = String(month).padStart(2, '0');
      if (from === `${year}-01-01` && to === `${year}-12-31`) return String(year);
      if (from === `${year}-${padded}-01` &&
          to === `${year}-${padded}-${lastDayOfMonth(year, month)}`) {
        return formatMonth(`${year}-${padded}`);
      }
    }
    return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : '…'}`;
  }

  function facetValueLabel(facet, value) {
    if (facet === 'lang') {
      const key = `lang.${value}`;
      return STRINGS[uiLanguage][key] ? t(key) : value;
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // The API.

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function searchUrl(state, { facets = '', offset = 0, limit = PAGE_SIZE } = {}) {
    const params = new URLSearchParams();
    params.set('q', state.q);
    for (const name of LIST_PARAMS) {
      for (const value of state[name]) params.append(name, value);
    }
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.sort === 'date') params.set('sort', 'date');
    if (state.exact) params.set('exact', '1');
    if (facets) params.set('facets', facets);
    if (state.kwic && limit > 0) params.set('snippet', 'whole');
    if (state.related && limit > 0) params.set('related', '1');
    params.set('offset', String(offset));
    params.set('limit', String(limit));
    return `api/search?${params}`;
  }

  // Every hit of the search as a file (GET /api/export): the same query and filters, no page.
  function exportUrl(state, format) {
    const params = new URLSearchParams();
    params.set('q', state.q);
    for (const name of LIST_PARAMS) {
      for (const value of state[name]) params.append(name, value);
    }
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    params.set('format', format);
    return `api/export?${params}`;
  }

  // A facet's counts as CSV (GET /api/counts.csv): the same query and filters.
  function countsUrl(state, facet) {
    const params = new URLSearchParams(exportUrl(state, 'csv').split('?')[1]);
    params.delete('format');
    params.set('facets', facet);
    return `api/counts.csv?${params}`;
  }

  async function fetchJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, '');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      if (error.name === 'AbortError') throw error;
    }
    if (!response.ok) {
      const message = body && body.error && body.error.message ? body.error.message
        : `HTTP ${response.status}`;
      throw new ApiError(response.status, message);
    }
    return body;
  }

  // One search as the page shows it: the hits and their facets, plus, for each facet with a
  // filter on, its counts without that filter (so that more values can be added to the OR), the
  // counts over time without the date filter (so that the whole timeline stays in view), and the
  // counts by party and year without either (so that every party's years stay in view).
  async function runSearch(state, signal) {
    const partyYearApart = state.party.length > 0 || Boolean(state.from || state.to);
    const requests = {
      main: fetchJson(searchUrl(state, {
        facets: `party,speaker,lang,doc,year,month${partyYearApart ? '' : `,${PARTY_YEAR}`}`,
        offset: state.offset, limit: PAGE_SIZE,
      }), signal),
    };
    if (partyYearApart) {
      requests.partyYear = fetchJson(searchUrl({ ...state, party: [], from: '', to: '' },
        { facets: PARTY_YEAR, limit: 0 }), signal);
    }
    for (const facet of FACETS) {
      if (state[facet].length === 0) continue;
      requests[facet] = fetchJson(searchUrl({ ...state, [facet]: [] }, { facets: facet, limit: 0 }),
        signal);
    }
    if (state.from || state.to) {
      requests.time = fetchJson(searchUrl({ ...state, from: '', to: '' },
        { facets: 'year,month', limit: 0 }), signal);
    }
    const names = Object.keys(requests);
    const bodies = await Promise.all(Object.values(requests));
    const responses = Object.fromEntries(names.map((name, i) => [name, bodies[i]]));
    const result = responses.main;
    const facets = {};
    for (const facet of FACETS) {
      const source = responses[facet] || result;
      facets[facet] = source.facets[facet] || [];
    }
    const time = responses.time ? responses.time.facets : result.facets;
    const partyYears = (responses.partyYear || result).facets[PARTY_YEAR] || {};
    return {
      state, result, facets, months: time.month || [], years: time.year || [], partyYears,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Running a search and showing it.

  let current = emptyState();
  let shown = null;  // the last search shown: { state, result, facets, months, years, partyYears }
  let generation = 0;
  let controller = null;
  const expandedFacets = new Set();

  // Shows `state` as a new history entry.
  function navigate(state, options = {}) {
    current = state;
    history.pushState(null, '', urlFromState(state));
    return run(state, options);
  }

  async function run(state, { focusResults = false } = {}) {
    current = state;
    setUiLanguage(state.ui);
    $('#q').value = state.q;
    $('#sort').value = state.sort;
    const mine = ++generation;
    if (controller) controller.abort();
    controller = new AbortController();
    hideNotices();

    if (state.paragraph) {
      shown = null;
      document.body.dataset.state = 'loading';
      $('#intro').hidden = true;
      $('#total').textContent = t('loading');
      try {
        const view = await fetchJson(`api/paragraphs/${encodeURIComponent(state.paragraph)}`,
          controller.signal);
        if (mine !== generation) return;
        renderParagraph(view, state);
        document.body.dataset.state = 'ready';
      } catch (error) {
        if (error.name === 'AbortError' || mine !== generation) return;
        showError(error.status === 404 ? new ApiError(404, t('paragraphMissing')) : error);
        document.body.dataset.state = 'error';
      }
      return;
    }

    if (!state.q) {
      shown = null;
      $('#error').hidden = true;
      document.body.dataset.state = 'idle';
      $('#total').textContent = '';
      $('#intro').hidden = false;
      $('#overview').hidden = true;
      $('#results-section').hidden = true;
      renderFilters(null);
      document.title = t('title');
      return;
    }

    document.body.dataset.state = 'loading';
    $('#intro').hidden = true;
    $('#results').setAttribute('aria-busy', 'true');
    $('#total').textContent = t('loading');
    try {
      const search = await runSearch(state, controller.signal);
      if (mine !== generation) return;
      shown = search;
      render(search);
      document.body.dataset.state = 'ready';
      if (focusResults) {
        $('#results-heading').focus();
      }
    } catch (error) {
      if (error.name === 'AbortError' || mine !== generation) return;
      shown = null;
      showError(error);
      document.body.dataset.state = 'error';
    } finally {
      if (mine === generation) $('#results').setAttribute('aria-busy', 'false');
    }
  }

  function render(search) {
    const focus = focusedControl();
    const { state, result } = search;
    document.title = `${state.q} – ${t('title')}`;
    $('#intro').hidden = true;
    $('#error').hidden = true;
    $('#total').textContent = t('total', result.total.value, result.total.exact, state.q);
    renderNotices(result);
    renderDownloads(result, state);
    renderFilters(search);
    renderCharts(search);
    renderHits(result, state);
    renderConcordance(result, state);
    renderPager(result, state);
    restoreFocus(focus);
  }

  // One paragraph (?paragraph=ID) as a hit, its full text and its translation's between their
  // neighbours, and a link back to the search it came from, if any.
  function renderParagraph(view, state) {
    const escape = (text) => text.replace(/[&<>"]/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const paragraph = view.paragraph;
    const hit = {
      ...paragraph, snippet: escape(paragraph.text),
      translation: view.translation ? {
        id: view.translation.id, lang: view.translation.lang,
        snippet: escape(view.translation.text),
      } : null,
    };
    document.title = `${paragraph.speaker || paragraph.doc} – ${t('title')}`;
    $('#error').hidden = true;
    $('#overview').hidden = true;
    $('#pager').hidden = true;
    renderFilters(null);
    const back = state.q ? element('a', {
      href: urlFromState({ ...state, paragraph: '' }), 'data-state-link': '', id: 'back-to-search',
      text: t('backToSearch', state.q),
    }) : null;
    $('#total').replaceChildren(t('paragraphTotal', paragraph.doc), ...(back ? [' · ', back] : []));
    const item = hitItem(hit);
    $('#concordance').hidden = true;
    $('#results').hidden = false;
    $('#results').setAttribute('start', '1');
    $('#results').replaceChildren(item);
    $('#results-section').hidden = false;
    toggleContext(hit, item, $('.context-toggle', item));
  }

  function showError(error) {
    const box = $('#error');
    let prefix = t('errorOther');
    if (error instanceof ApiError) {
      if (error.status === 0) prefix = t('errorNetwork');
      else if (error.status === 400) prefix = t('errorQuery');
      else if (error.status === 503) prefix = t('errorUnavailable');
    }
    box.textContent = error.status === 0 ? prefix : prefix + error.message;
    box.hidden = false;
    $('#total').textContent = '';
    $('#intro').hidden = true;
    $('#overview').hidden = true;
    $('#results-section').hidden = true;
    renderFilters(null);
  }

  function hideNotices() {
    for (const id of ['suggestion', 'corrected', 'match-note', 'expanded', 'related', 'downloads']) {
      $(`#${id}`).hidden = true;
    }
  }

  // Links to every hit as CSV and JSON Lines; of the corrected query when the hits are its.
  function renderDownloads(result, state) {
    if (result.total.value === 0) return;
    const exported = { ...state, q: result.corrected || state.q };
    $('#download-csv').href = exportUrl(exported, 'csv');
    $('#download-jsonl').href = exportUrl(exported, 'jsonl');
    $('#downloads').hidden = false;
  }

  function renderNotices(result) {
    // The hits are those of a corrected query: say so, and offer the query as typed.
    const corrected = $('#corrected');
    if (result.corrected) {
      const typed = withChanges({ q: result.query, exact: true });
      corrected.replaceChildren(t('correctedBefore'),
        element('strong', { text: result.corrected }), t('correctedMiddle'),
        element('a', { href: urlFromState(typed), 'data-state-link': '', id: 'corrected-link' },
          element('em', { text: result.query })),
        t('correctedAfter'));
      corrected.hidden = false;
    }
    const suggestion = $('#suggestion');
    if (result.suggestion) {
      const target = withChanges({ q: result.suggestion });
      suggestion.replaceChildren(t('suggestionBefore'),
        element('a', { href: urlFromState(target), 'data-state-link': '', id: 'suggestion-link' },
          element('strong', { text: result.suggestion })),
        t('suggestionAfter'));
      suggestion.hidden = false;
    }
    if (result.match === 'any') {
      $('#match-note').textContent = t('matchAny');
      $('#match-note').hidden = false;
    }
    const expanded = Object.entries(result.expanded || {}).filter(([, words]) => words.length);
    if (expanded.length > 0) {
      const list = element('span', { class: 'expansions' });
      expanded.forEach(([word, translations], i) => {
        if (i > 0) list.append('; ');
        list.append(element('q', { text: word }), ' → ', translations.join(', '));
      });
      $('#expanded').replaceChildren(t('expanded'), list);
      $('#expanded').hidden = false;
    }
    // Related words (related=1), the heaviest first.
    const related = Object.entries(result.related || {}).sort((a, b) => b[1] - a[1]);
    if (related.length > 0) {
      $('#related').replaceChildren(t('related'),
        element('span', { class: 'expansions', text: related.map(([word]) => word).join(', ') }));
      $('#related').hidden = false;
    }
  }

  // Facet toggles and charts are rebuilt on each search: keep the keyboard focus on the control
  // that had it, found again by its facet and value.
  function focusedControl() {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const key = active.getAttribute('data-focus-key');
    return key ? key : null;
  }

  function restoreFocus(key) {
    if (!key) return;
    const target = [...document.querySelectorAll('[data-focus-key]')]
      .find((node) => node.getAttribute('data-focus-key') === key);
    if (target) target.focus();
    else ($('#results-section').hidden ? $('#main') : $('#results-heading')).focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Facets and active filters.

  function renderFilters(search) {
    // Nothing to refine: before a search, or when it found nothing and no filter is on.
    const withoutFilters = !current.q || (!hasFilters(current) &&
      (!search || search.result.total.value === 0));
    $('#filters').hidden = withoutFilters;
    $('.layout').classList.toggle('without-filters', withoutFilters);
    renderActiveFilters();
    for (const facet of FACETS) {
      const section = $(`[data-facet="${facet}"]`);
      const list = $('.facet-values', section);
      const old = $('.facet-more', section);
      if (old) old.remove();
      if (!search) {
        list.replaceChildren();
        section.hidden = true;
        continue;
      }
      section.hidden = false;
      const counts = [...search.facets[facet]];
      for (const value of current[facet]) {
        if (!counts.some((entry) => entry.value === value)) counts.push({ value, count: 0 });
      }
      if (counts.length === 0) {
        list.replaceChildren(element('li', { class: 'facet-empty', text: t('facetEmpty') }));
        continue;
      }
      const expanded = expandedFacets.has(facet);
      const visible = expanded ? counts : counts.filter((entry, i) =>
        i < FACET_VALUES_SHOWN || current[facet].includes(entry.value));
      list.replaceChildren(...visible.map((entry) => facetItem(facet, entry)));
      if (counts.length > FACET_VALUES_SHOWN) {
        const more = element('button', {
          type: 'button', class: 'facet-more link-button', 'aria-expanded': String(expanded),
          'data-focus-key': `more:${facet}`,
          text: expanded ? t('showLess') : t('showMore', counts.length - visible.length),
        });
        more.addEventListener('click', () => {
          if (expanded) expandedFacets.delete(facet);
          else expandedFacets.add(facet);
          const key = `more:${facet}`;
          renderFilters(shown);
          restoreFocus(key);
        });
        section.append(more);
      }
    }
  }

  function facetItem(facet, { value, count }) {
    const pressed = current[facet].includes(value);
    const button = element('button', {
      type: 'button', class: 'facet-toggle', 'data-value': value,
      'aria-pressed': String(pressed), 'data-focus-key': `facet:${facet}:${value}`,
    },
    element('span', { class: 'facet-label', text: facetValueLabel(facet, value) }),
    element('span', { class: 'facet-count', text: number(count) }));
    button.addEventListener('click', () => toggleFilter(facet, value));
    return element('li', {}, button);
  }

  function toggleFilter(facet, value) {
    const values = current[facet].includes(value)
      ? current[facet].filter((other) => other !== value)
      : [...current[facet], value];
    navigate(withChanges({ [facet]: values }));
  }

  function renderActiveFilters() {
    const chips = [];
    for (const name of LIST_PARAMS) {
      for (const value of current[name]) {
        const label = `${t(`facet.${name}`)}${t('colon')}${facetValueLabel(name, value)}`;
        chips.push({
          label, key: `chip:${name}:${value}`,
          remove: () => current[name].filter((other) => other !== value), name,
        });
      }
    }
    if (current.from || current.to) {
      chips.push({
        label: `${t('facet.date')}${t('colon')}${periodLabel(current.from, current.to)}`,
        key: 'chip:date', name: 'date',
      });
    }
    const box = $('#active-filters');
    box.hidden = chips.length === 0 || !current.q;
    $('#filters-count').textContent = chips.length ? `(${chips.length})` : '';
    $('#active-filter-list').replaceChildren(...chips.map((chip) => {
      const button = element('button', {
        type: 'button', class: 'chip', 'aria-label': t('removeFilter', chip.label),
        'data-focus-key': chip.key, 'data-filter': chip.name,
      }, element('span', { text: chip.label }),
      element('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
      button.addEventListener('click', () => {
        if (chip.name === 'date') navigate(withChanges({ from: '', to: '' }));
        else navigate(withChanges({ [chip.name]: chip.remove() }));
      });
      return element('li', {}, button);
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Charts: hits over time (per month, or per year over a long span) and per party, as SVG.
  // Each bar is a link to the filtered search, focusable, with an accessible name; a table
  // beside each chart gives the same numbers.

  function timeBins(months, years) {
    if (months.length === 0) return [];
    const first = months[0].value;
    const last = months[months.length - 1].value;
    const [firstYear, firstMonth] = first.split('-').map(Number);
    const [lastYear, lastMonth] = last.split('-').map(Number);
    const span = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
    const bins = [];
    if (span > MONTHS_BEFORE_YEARS) {
      const counts = new Map(years.map((entry) => [Number(entry.value), entry.count]));
      for (let year = firstYear; year <= lastYear; year++) {
        bins.push({
          label: String(year), shortLabel: String(year), count: counts.get(year) || 0,
          from: `${year}-01-01`, to: `${year}-12-31`,
        });
      }
      return bins;
    }
    const counts = new Map(months.map((entry) => [entry.value, entry.count]));
    for (let i = 0; i < span; i++) {
      const year = firstYear + Math.floor((firstMonth - 1 + i) / 12);
      const month = ((firstMonth - 1 + i) % 12) + 1;
      const key = `${year}-${String(month).padStart(2, '0')}`;
      bins.push({
        label: formatMonth(key), shortLabel: formatMonth(key, 'short'),
        count: counts.get(key) || 0,
        from: `${key}-01`, to: `${key}-${lastDayOfMonth(year, month)}`,
      });
    }
    return bins;
  }

  function renderCharts(search) {
    $('#overview').hidden = search.result.total.value === 0 && !hasFilters(search.state);
    const bins = timeBins(search.months, search.years).map((bin) => ({
      ...bin,
      selected: current.from === bin.from && current.to === bin.to,
      state: current.from === bin.from && current.to === bin.to
        ? withChanges({ from: '', to: '' }) : withChanges({ from: bin.from, to: bin.to }),
      key: `bar:time:${bin.from}`,
    }));
    drawChart($('#chart-time'), bins, 'columns', t('chartNoDates'));

    const parties = search.facets.party.map((entry) => {
      const selected = current.party.includes(entry.value);
      const values = selected ? current.party.filter((value) => value !== entry.value)
        : [...current.party, entry.value];
      return {
        label: entry.value, shortLabel: entry.value, count: entry.count, selected,
        state: withChanges({ party: values }), key: `bar:party:${entry.value}`,
      };
    });
    drawChart($('#chart-party'), parties, 'rows', t('chartNoParties'));
    drawPartyYears($('#chart-party-year'), search.partyYears);
    $('#download-counts').href = countsUrl(
      { ...search.state, q: search.result.corrected || search.state.q }, PARTY_YEAR);
  }

  // Hits by party and year as small multiples: a column chart per party (the most hits first),
  // the same years and scale in each, so that parties compare at a glance; each column a link
  // to that party in that year. The table beside it has every party, its cells links too.
  function drawPartyYears(figure, table) {
    const body = $('.chart-body', figure);
    const rows = Object.entries(table).map(([party, years]) => ({
      party, years, total: Object.values(years).reduce((sum, count) => sum + count, 0),
    })).sort((a, b) => b.total - a.total || a.party.localeCompare(b.party));
    const allYears = rows.flatMap((row) => Object.keys(row.years).map(Number));
    $('.chart-download', figure).hidden = rows.length === 0;
    if (rows.length === 0) {
      body.replaceChildren(element('p', { class: 'chart-empty', text: t('chartNoPartyYears') }));
      return;
    }
    const years = [];
    for (let year = Math.min(...allYears); year <= Math.max(...allYears); year++) years.push(year);
    const max = Math.max(1, ...rows.flatMap((row) => Object.values(row.years)));
    const cell = (party, year) => {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const selected = current.party.length === 1 && current.party[0] === party &&
        current.from === from && current.to === to;
      return {
        label: `${party}, ${year}`, count: table[party][String(year)] || 0, selected,
        state: selected ? withChanges({ party: [], from: '', to: '' })
          : withChanges({ party: [party], from, to }),
        key: `bar:party-year:${party}:${year}`,
      };
    };
    const panels = rows.slice(0, PARTY_PANELS).map((row) => {
      const title = element('h3', { class: 'multiple-title', text: row.party });
      const svg = smallColumnChart(years.map((year) => cell(row.party, year)), years, max);
      svg.setAttribute('role', 'group');
      svg.setAttribute('aria-label', `${row.party}: ${t('chartPartyYear')}`);
      return element('div', { class: 'multiple', 'data-party': row.party }, title, svg);
    });
    const grid = element('div', { class: 'multiples' }, ...panels);
    const more = rows.length > PARTY_PANELS
      ? element('p', { class: 'chart-more', text: t('chartMoreParties', rows.length - PARTY_PANELS) })
      : null;
    body.replaceChildren(grid, ...(more ? [more] : []), partyYearTable(figure, rows, years, cell));
  }

  function smallColumnChart(bins, years, max) {
    const width = 170;
    const height = 92;
    const margin = { top: 6, right: 4, bottom: 18, left: 4 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const band = plotWidth / bins.length;
    const barWidth = Math.max(2, Math.min(28, band * 0.78));
    const svg = svgElement('svg', {
      class: 'chart-svg small', width, height, viewBox: `0 0 ${width} ${height}`,
    });
    svg.append(svgElement('line', {
      class: 'axis', x1: margin.left, x2: width - margin.right,
      y1: margin.top + plotHeight, y2: margin.top + plotHeight,
    }));
    bins.forEach((bin, i) => {
      const barHeight = (bin.count / max) * plotHeight;
      const bar = svgElement('rect', {
        class: 'bar-fill', x: margin.left + i * band + (band - barWidth) / 2,
        y: margin.top + plotHeight - barHeight, width: barWidth,
        height: Math.max(bin.count ? 1 : 0, barHeight),
      });
      if (bin.count > 0) {
        const link = barLink(bin);
        link.append(svgElement('rect', {
          class: 'bar-target', x: margin.left + i * band, y: margin.top, width: band,
          height: plotHeight,
        }), bar);
        svg.append(link);
      }
    });
    // The first and last years under the axis; the table and the bars' names have the others.
    const ticks = years.length === 1 ? [[years[0], width / 2, 'middle']]
      : [[years[0], margin.left, 'start'], [years[years.length - 1], width - margin.right, 'end']];
    for (const [year, x, anchor] of ticks) {
      svg.append(svgElement('text', {
        class: 'tick', x, y: height - 4, 'text-anchor': anchor, 'aria-hidden': 'true',
        text: String(year),
      }));
    }
    return svg;
  }

  function partyYearTable(figure, rows, years, cell) {
    const caption = $('figcaption', figure).textContent.trim();
    const bodyRows = rows.map((row) => element('tr', { 'data-party': row.party },
      element('th', { scope: 'row', text: row.party }),
      ...years.map((year) => {
        const bin = cell(row.party, year);
        if (bin.count === 0) return element('td', { class: 'zero', text: '0' });
        const link = element('a', {
          href: urlFromState(bin.state), 'data-state-link': '', 'data-focus-key': `table:${bin.key}`,
          'aria-label': t('barLabel', bin.label, bin.count, bin.selected), text: number(bin.count),
        });
        link.stateTarget = bin.state;
        return element('td', { 'data-year': String(year) }, link);
      })));
    return element('details', { class: 'chart-table' },
      element('summary', { text: t('chartTable') }),
      element('div', { class: 'table-scroll' },
        element('table', {},
          element('caption', { class: 'visually-hidden', text: caption }),
          element('thead', {}, element('tr', {},
            element('th', { scope: 'col', text: t('facet.party') }),
            ...years.map((year) => element('th', { scope: 'col', text: String(year) })))),
          element('tbody', {}, ...bodyRows))));
  }

  function drawChart(figure, bins, layout, emptyText) {
    const body = $('.chart-body', figure);
    const captionId = $('figcaption', figure).id;
    if (bins.length === 0) {
      body.replaceChildren(element('p', { class: 'chart-empty', text: emptyText }));
      return;
    }
    const width = Math.max(240, Math.floor(body.clientWidth || figure.clientWidth || 480));
    const svg = layout === 'columns' ? columnChart(bins, width) : rowChart(bins, width);
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-labelledby', captionId);
    body.replaceChildren(svg, chartTable(bins, figure));
  }

  function barLink(bin) {
    const label = t('barLabel', bin.label, bin.count, bin.selected);
    const link = svgElement('a', {
      href: urlFromState(bin.state), class: bin.selected ? 'bar selected' : 'bar',
      'aria-label': label, 'data-state-link': '', 'data-focus-key': bin.key,
      'data-value': bin.label,
    }, svgElement('title', { text: label }));
    if (bin.selected) link.setAttribute('aria-current', 'true');
    link.stateTarget = bin.state;
    return link;
  }

  function columnChart(bins, width) {
    const height = 170;
    const margin = { top: 12, right: 8, bottom: 30, left: 36 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const max = Math.max(1, ...bins.map((bin) => bin.count));
    const band = plotWidth / bins.length;
    const barWidth = Math.max(2, Math.min(48, band * 0.78));
    const svg = svgElement('svg', {
      class: 'chart-svg', width, height, viewBox: `0 0 ${width} ${height}`,
    });
    for (const value of [0, max]) {
      const y = margin.top + plotHeight - (value / max) * plotHeight;
      svg.append(
        svgElement('line', {
          class: 'axis', x1: margin.left, x2: width - margin.right, y1: y, y2: y,
        }),
        svgElement('text', {
          class: 'tick', x: margin.left - 6, y: y + 4, 'text-anchor': 'end', 'aria-hidden': 'true',
          text: number(value),
        }));
    }
    const labelsThatFit = Math.max(1, Math.floor(plotWidth / 56));
    const labelEvery = Math.max(1, Math.ceil(bins.length / labelsThatFit));
    bins.forEach((bin, i) => {
      const x = margin.left + i * band + (band - barWidth) / 2;
      const barHeight = (bin.count / max) * plotHeight;
      const y = margin.top + plotHeight - barHeight;
      const bar = svgElement('rect', {
        class: 'bar-fill', x, y, width: barWidth, height: Math.max(bin.count ? 1 : 0, barHeight),
      });
      if (bin.count > 0) {
        const link = barLink(bin);
        link.append(svgElement('rect', {
          class: 'bar-target', x: margin.left + i * band, y: margin.top, width: band,
          height: plotHeight,
        }), bar);
        svg.append(link);
      } else {
        svg.append(bar);
      }
      if (i % labelEvery === 0) {
        svg.append(svgElement('text', {
          class: 'tick', x: margin.left + i * band + band / 2, y: height - 10,
          'text-anchor': 'middle', 'aria-hidden': 'true', text: bin.shortLabel,
        }));
      }
    });
    return svg;
  }

  function rowChart(bins, width) {
    const rowHeight = 26;
    const margin = { top: 4, right: 44, bottom: 4, left: Math.min(160, Math.round(width * 0.36)) };
    const height = margin.top + margin.bottom + rowHeight * bins.length;
    const plotWidth = width - margin.left - margin.right;
    const max = Math.max(1, ...bins.map((bin) => bin.count));
    const maxChars = Math.max(6, Math.floor((margin.left - 10) / 7.5));
    const svg = svgElement('svg', {
      class: 'chart-svg', width, height, viewBox: `0 0 ${width} ${height}`,
    });
    bins.forEach((bin, i) => {
      const y = margin.top + i * rowHeight;
      const barWidth = Math.max(2, (bin.count / max) * plotWidth);
      const name = bin.shortLabel.length > maxChars ? `${bin.shortLabel.slice(0, maxChars - 1)}…`
        : bin.shortLabel;
      // The texts stay outside the link, whose name (aria-label) says more than they do;
      // the link's transparent target, drawn last, covers the whole row.
      svg.append(
        svgElement('text', {
          class: bin.selected ? 'bar-label selected' : 'bar-label', x: margin.left - 8,
          y: y + rowHeight / 2 + 4, 'text-anchor': 'end', 'aria-hidden': 'true', text: name,
        }),
        svgElement('text', {
          class: 'bar-count', x: margin.left + barWidth + 6, y: y + rowHeight / 2 + 4,
          'aria-hidden': 'true', text: number(bin.count),
        }));
      const link = barLink(bin);
      link.append(
        svgElement('rect', {
          class: 'bar-fill', x: margin.left, y: y + 4, width: barWidth, height: rowHeight - 8,
        }),
        svgElement('rect', { class: 'bar-target', x: 0, y, width, height: rowHeight }));
      svg.append(link);
    });
    return svg;
  }

  function chartTable(bins, figure) {
    const caption = $('figcaption', figure).textContent.trim();
    const heading = figure.dataset.chart === 'party' ? t('facet.party') : t('chartPeriod');
    const rows = bins.map((bin) => element('tr', {},
      element('th', { scope: 'row', text: bin.label }),
      element('td', { text: number(bin.count) })));
    return element('details', { class: 'chart-table' },
      element('summary', { text: t('chartTable') }),
      element('table', {},
        element('caption', { class: 'visually-hidden', text: caption }),
        element('thead', {}, element('tr', {},
          element('th', { scope: 'col', text: heading }),
          element('th', { scope: 'col', text: t('chartCount') }))),
        element('tbody', {}, ...rows)));
  }

  // ---------------------------------------------------------------------------------------------
  // Hits.

  // A concordance of the page's hits: each marked word of each side on a row, its left context
  // right-aligned before it and its right context after, as concordancers show them; the source
  // links to the paragraph's page.
  function renderConcordance(result, state) {
    const box = $('#concordance');
    $('#kwic-toggle').setAttribute('aria-pressed', String(state.kwic));
    $('#related-toggle').setAttribute('aria-pressed', String(state.related));
    $('#results').hidden = state.kwic;
    box.hidden = !state.kwic;
    if (!state.kwic) {
      box.replaceChildren();
      return;
    }
    const CONTEXT = 70;  // characters each side
    const rows = [];
    for (const hit of result.hits) {
      const sides = [{ ...hit, snippet: hit.snippet }];
      if (hit.translation) {
        sides.push({ ...hit, id: hit.translation.id, lang: hit.translation.lang,
          snippet: hit.translation.snippet });
      }
      for (const side of sides) {
        const { text, marks } = markedText(side.snippet);
        for (const [begin, end] of marks) {
          const left = text.slice(0, begin).replace(/\s+/g, ' ').trimEnd();
          const right = text.slice(end).replace(/\s+/g, ' ').trimStart();
          const where = element('a', {
            href: urlFromState({ ...state, paragraph: side.id }), 'data-state-link': '',
            text: [side.doc, side.page ? t('pageShort', side.page) : '', side.lang.toUpperCase(),
              side.party || ''].filter(Boolean).join(' · '),
          });
          rows.push(element('tr', { lang: side.lang },
            element('td', { class: 'kwic-left',
              text: left.length > CONTEXT ? `…${left.slice(-CONTEXT)}` : left }),
            element('td', { class: 'kwic-word' }, element('mark', { text: text.slice(begin, end) })),
            element('td', { class: 'kwic-right',
              text: right.length > CONTEXT ? `${right.slice(0, CONTEXT)}…` : right }),
            element('td', { class: 'kwic-where', lang: uiLanguage }, where)));
        }
      }
    }
    box.replaceChildren(element('table', {},
      element('caption', { class: 'visually-hidden', text: t('kwicCaption') }),
      element('thead', { class: 'visually-hidden' }, element('tr', {},
        ...['kwicLeft', 'kwicWord', 'kwicRight', 'kwicWhere'].map((key) =>
          element('th', { scope: 'col', text: t(key) })))),
      element('tbody', {}, ...rows)));
  }

  // The text of a snippet's HTML and its marks, as [begin, end) offsets into it.
  function markedText(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    let text = '';
    const marks = [];
    const walk = (node, marked) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          text += child.data;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const begin = text.length;
          walk(child, marked || child.localName === 'mark');
          if (child.localName === 'mark' && !marked) marks.push([begin, text.length]);
        }
      }
    };
    walk(template.content, false);
    return { text, marks };
  }

  function renderHits(result, state) {
    $('#results-section').hidden = result.hits.length === 0 && result.total.value === 0;
    const list = $('#results');
    list.setAttribute('start', String(state.offset + 1));
    list.replaceChildren(...result.hits.map((hit) => hitItem(hit)));
  }

  function hitItem(hit) {
    const headingId = `hit-${hit.id}`;
    const item = element('li', {
      class: 'hit', 'data-id': hit.id, 'data-party': hit.party ?? '', 'data-lang': hit.lang,
    });
    const heading = element('h3', { class: 'hit-heading', id: headingId },
      element('span', { class: hit.speaker ? 'speaker' : 'speaker unknown',
        text: hit.speaker || t('unknownSpeaker') }));
    if (hit.role && hit.role !== 'member' && STRINGS[uiLanguage][`role.${hit.role}`]) {
      heading.append(' ', element('span', { class: 'role', text: `(${t(`role.${hit.role}`)})` }));
    }
    if (hit.party) {
      heading.append(' ', visuallyHidden(`${t('partyLabel')}${t('colon')}`),
        element('span', { class: 'party', text: hit.party }));
    }
    const source = element('p', { class: 'hit-source' },
      visuallyHidden(`${t('documentLabel')}${t('colon')}`),
      element('span', { class: 'doc', text: hit.doc }));
    if (hit.page !== null && hit.page !== undefined) {
      source.append(element('span', { class: 'page' }, visuallyHidden(`${t('pageLabel')} `),
        element('span', { 'aria-hidden': 'true', text: t('pageShort', hit.page) })));
    }
    if (hit.section) {
      source.append(element('span', { class: 'section' },
        visuallyHidden(`${t('sectionLabel')}${t('colon')}`), hit.section));
    }
    if (hit.date) {
      source.append(element('time', {
        class: 'date', datetime: hit.date, text: formatDate(hit.date),
      }));
    }

    const original = side('original', hit.lang, snippetNodes(hit.snippet));
    const translation = hit.translation
      ? side('translation', hit.translation.lang, snippetNodes(hit.translation.snippet))
      : side('translation missing', '', document.createTextNode(t('noTranslation')));
    const pair = element('div', { class: 'pair' }, original, translation);

    const toggle = element('button', {
      type: 'button', class: 'context-toggle link-button', 'aria-expanded': 'false',
      'aria-describedby': headingId, text: t('showContext'),
    });
    toggle.addEventListener('click', () => toggleContext(hit, item, toggle));
    item.append(element('article', { 'aria-labelledby': headingId },
      element('header', { class: 'hit-meta' }, heading, source), pair,
      element('p', { class: 'hit-actions' }, toggle)));
    return item;
  }

  function side(kind, lang, content) {
    const attributes = { class: `side ${kind}` };
    if (lang) attributes.lang = lang;
    const label = lang ? facetValueLabel('lang', lang) : '';
    return element('div', attributes,
      label ? element('p', { class: 'side-lang', lang: uiLanguage, text: label }) : null,
      element('p', { class: 'text' }, content));
  }

  // The full paragraph and its translation, each between its neighbours, from
  // /api/paragraphs/{id}; a second click goes back to the snippets.
  async function toggleContext(hit, item, toggle) {
    const pair = $('.pair', item);
    if (toggle.getAttribute('aria-expanded') === 'true') {
      pair.replaceWith(item.snippetPair);
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = t('showContext');
      return;
    }
    toggle.disabled = true;
    toggle.textContent = t('contextLoading');
    const previousError = $('.context-error', item);
    if (previousError) previousError.remove();
    try {
      const ids = [hit.id, ...(hit.translation ? [hit.translation.id] : [])];
      const views = await Promise.all(ids.map((id) =>
        fetchJson(`api/paragraphs/${encodeURIComponent(id)}`)));
      const words = markedWords(hit.snippet, hit.translation && hit.translation.snippet);
      const sides = views.map((view, i) => contextSide(view, i === 0 ? 'original' : 'translation',
        words));
      if (sides.length === 1) {
        sides.push(side('translation missing', '', document.createTextNode(t('noTranslation'))));
      }
      item.snippetPair = pair;
      pair.replaceWith(element('div', { class: 'pair context' }, ...sides));
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = t('hideContext');
    } catch (error) {
      toggle.textContent = t('showContext');
      item.append(element('p', { class: 'context-error', role: 'alert', text: t('contextError') }));
    } finally {
      toggle.disabled = false;
    }
  }

  function contextSide(view, kind, words) {
    const paragraph = view.paragraph;
    const container = element('div', { class: `side ${kind}`, lang: paragraph.lang },
      element('p', {
        class: 'side-lang', lang: uiLanguage, text: facetValueLabel('lang', paragraph.lang),
      }));
    if (view.previous) container.append(neighbour(view.previous, t('contextBefore')));
    container.append(element('p', { class: 'text full' }, highlightedText(paragraph.text, words)));
    if (view.next) container.append(neighbour(view.next, t('contextAfter')));
    return container;
  }

  function neighbour(record, label) {
    const who = [record.speaker, record.party].filter(Boolean).join(', ');
    return element('div', { class: 'neighbour' },
      element('p', { class: 'neighbour-label', lang: uiLanguage,
        text: who ? `${label} · ${who}` : label }),
      element('p', { class: 'neighbour-text', text: record.text }));
  }

  // ---------------------------------------------------------------------------------------------
  // Paging.

  function renderPager(result, state) {
    const total = result.total.value;
    const pager = $('#pager');
    pager.hidden = total <= PAGE_SIZE && state.offset === 0;
    const first = Math.min(total, state.offset + 1);
    const last = Math.min(total, state.offset + result.hits.length);
    $('#page-info').textContent = result.hits.length
      ? t('pageInfo', first, last, number(total)) : '';
    $('#prev').disabled = state.offset === 0;
    $('#next').disabled = state.offset + PAGE_SIZE >= total;
  }

  function goToPage(offset) {
    navigate({ ...current, offset: Math.max(0, offset) }, { focusResults: true });
    $('#results-heading').scrollIntoView({ block: 'start' });
  }

  // ---------------------------------------------------------------------------------------------
  // Interface language.

  function setUiLanguage(language) {
    if (language !== 'nl' && language !== 'fr') language = 'nl';
    const changed = language !== uiLanguage || document.documentElement.lang !== language;
    uiLanguage = language;
    if (!changed) return false;
    document.documentElement.lang = language;
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.dataset.i18n);
    }
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
    }
    for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
      node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
    }
    for (const node of document.querySelectorAll('[data-i18n-title]')) {
      node.setAttribute('title', t(node.dataset.i18nTitle));
    }
    for (const button of document.querySelectorAll('[data-ui-lang]')) {
      button.setAttribute('aria-pressed', String(button.dataset.uiLang === language));
    }
    document.title = current.q ? `${current.q} – ${t('title')}` : t('title');
    renderIndexStats();
    return true;
  }

  function switchUiLanguage(language) {
    current = { ...current, ui: language };
    history.replaceState(null, '', urlFromState(current));
    setUiLanguage(language);
    if (shown) {
      shown = { ...shown, state: { ...shown.state, ui: language } };
      render(shown);
    } else {
      renderFilters(null);
    }
  }

  let indexStats = null;

  function renderIndexStats() {
    const target = $('#index-stats');
    if (!indexStats || typeof indexStats.paragraphs !== 'number' ||
        typeof indexStats.documents !== 'number') {
      target.textContent = '';
      return;
    }
    target.textContent = t('indexStats', indexStats.paragraphs, indexStats.documents);
  }

  async function loadIndexStats() {
    try {
      indexStats = await fetchJson('api/stats');
      renderIndexStats();
    } catch (error) {
      indexStats = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring.

  function onStateLink(event) {
    const link = event.target.closest('[data-state-link]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    const target = link.stateTarget ||
      stateFromUrl(new URL(link.getAttribute('href'), location.href).search);
    navigate(target);
  }

  let resizeTimer = 0;
  let lastWidth = 0;

  function onResize() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const width = $('#overview').clientWidth;
      if (shown && width !== lastWidth) {
        lastWidth = width;
        const focus = focusedControl();
        renderCharts(shown);
        restoreFocus(focus);
      }
    }, 150);
  }

  function start() {
    $('#search').addEventListener('submit', (event) => {
      event.preventDefault();
      const q = $('#q').value.trim();
      // A query typed anew may be corrected again; filters and pages keep `exact`.
      navigate(q ? withChanges({ q, exact: false }) : { ...emptyState(), ui: current.ui });
    });
    $('#sort').addEventListener('change', () => navigate(withChanges({ sort: $('#sort').value })));
    $('#kwic-toggle').addEventListener('click', () =>
      navigate({ ...current, kwic: !current.kwic, paragraph: '' }));
    $('#related-toggle').addEventListener('click', () =>
      navigate(withChanges({ related: !current.related })));
    $('#prev').addEventListener('click', () => goToPage(current.offset - PAGE_SIZE));
    $('#next').addEventListener('click', () => goToPage(current.offset + PAGE_SIZE));
    $('#clear-filters').addEventListener('click', () => {
      navigate({ ...emptyState(), q: current.q, sort: current.sort, ui: current.ui });
      $('#q').focus();
    });
    $('#filters-toggle').addEventListener('click', () => {
      const open = $('#filters-toggle').getAttribute('aria-expanded') !== 'true';
      $('#filters-toggle').setAttribute('aria-expanded', String(open));
      $('#filters').classList.toggle('open', open);
    });
    for (const button of document.querySelectorAll('[data-ui-lang]')) {
      button.addEventListener('click', () => switchUiLanguage(button.dataset.uiLang));
    }
    document.addEventListener('click', onStateLink);
    window.addEventListener('popstate', () => run(stateFromUrl(location.search)));
    window.addEventListener('resize', onResize);

    const state = stateFromUrl(location.search);
    if (location.search) history.replaceState(null, '', urlFromState(state));
    loadIndexStats();
    run(state);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
