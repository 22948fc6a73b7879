/** What GraphiQL shows on first visit: four queries a notebook user can run as they are. */
export const EXAMPLE_QUERIES = `# Threadline GraphQL API. Pick an operation with the run button's menu.
# Ids are stable across re-ingests; lists that grow are Relay connections (first/after). Any id a query
# returns for a node works wherever a node is taken: theme(id: "information-sharing") and
# neighbourhood(id: "Theme:information-sharing") both name the same theme, and node(id) reads any node.
# A number of reviews is always reviewCount.

# 1. The theme map: themes weighted by reviews, edges by reviews sharing both themes.
query ThemeNetwork {
  themeNetwork(filter: { harmTypes: ["neglect"] }, minShared: 2) {
    reviewCount
    nodes { id label group reviewCount }
    edges { source target reviewCount lift }
  }
}

# 2. The newest case review, with the sentence behind every theme and its learning statements.
query CaseWithEvidence {
  cases(first: 1) {
    totalCount
    edges {
      node {
        id title child partnership reportYear outcome
        themes { theme { id label } evidence { quote start end startCodePoint endCodePoint sourceId } }
        learning { text start end themes { theme { label } } }
      }
    }
  }
}

# 3. Filters that say no: neglect reviews without police involvement, dated ones only. The same filter
#    input works for themes, a theme's cases and related themes, cases, the analytics and /export/ files
#    (there as ?harmTypes=neglect&not.agencies=police&unknownYear=EXCLUDE).
query NeglectWithoutPolice {
  themes(filter: { harmTypes: ["neglect"], not: { agencies: ["police"] }, unknownYear: EXCLUDE }) {
    id label reviewCount
    related(limit: 3) { theme { label } reviewCount lift }
  }
  cases(filter: { harmTypes: ["neglect"], not: { agencies: ["police"] }, unknownYear: EXCLUDE }, first: 5) {
    totalCount
    edges { node { id title reportYear } }
  }
}

# 4. Recommendations aimed at one agency (list agency ids with { agencies { id label reviewCount } }).
query RecommendationsByAgency {
  recommendations(filter: { agencies: ["police"] }, first: 10) {
    totalCount
    edges {
      cursor
      node { text targets { agency { label } } case { title reportYear } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
