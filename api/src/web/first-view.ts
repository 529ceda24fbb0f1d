// The catalog's first view, written into the page the API serves for `/` and `/catalog`
// (docs/decisions/021-the-catalog-first-view-in-the-page.md). A phone's largest contentful paint is
// a service card near the fold; without this it waits for every module and the list's answer.
// Here the page carries the catalog as the catalog first shows it: its heading, the search box,
// the home sections (favourites, recent, popular: their largest texts are near the fold too), the list's heading and filters, and the first cards
// of the same page of `GET /api/services` the catalog then asks for, in both languages (the page's
// language is chosen in the browser, by the shell's first script, before this paints).
//
// It sits in the element single-spa-layout mounts the catalog in (`single-spa-application:<name>`,
// which the layout engine reuses and moves into <main>), so the catalog's place on the page never
// moves; the shell mounts the catalog beside it and removes it in the same task (shell/src/guard.ts).
// Markup and classes are the Vue components' (CatalogPage, HomeSections, SearchField, CategoryFilter,
// CatalogFilters, ServiceCard); the sizes are theirs, set by the style sheet below, which the
// page's own style sheets (scoped to the components) never override, so their arrival moves nothing.
// Every value from the database is HTML-escaped: departments write service names and summaries.

/** The application the first view is for, and the id of its element in single-spa-layout. */
export const FIRST_VIEW_APP = '@hall/mf-catalog'

/** A service as the first view shows it: what `GET /api/services` answers for each. */
export interface FirstViewService {
  code: string
  nameZh: string
  nameEn: string
  summaryZh: string
  summaryEn: string
  department: { nameZh: string; nameEn: string }
  mode: string
  favorite?: boolean
  inProgress?: number
}

export interface FirstViewPage {
  /** The first page of `GET /api/services?audience=mine`. */
  items: FirstViewService[]
  total: number
  /** The home's lists (`GET /api/me/favorites`, `/api/me/recent`, `/api/services/popular`): the catalog's first paint shows them. */
  favorites: FirstViewService[]
  recent: FirstViewService[]
  popular: Array<FirstViewService & { applications: number }>
}

/** How many cards the page carries: more than a phone or a laptop shows before scrolling. */
export const FIRST_VIEW_CARDS = 6

/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

type Bilingual = { zh: string; en: string }

/** The catalog's words the first view shows (mf-catalog/src/i18n, keys named beside each). */
const WORDS = {
  title: { zh: '服务目录', en: 'Service catalog' }, // catalog.title
  intro: { zh: '选择一项服务，查看办事指南并在线办理。', en: 'Choose a service, read its guide and apply online.' }, // catalog.intro
  searchLabel: { zh: '在服务目录中搜索', en: 'Search the catalog' }, // catalog.searchLabel
  searchPlaceholder: { zh: '服务名称、拼音、首字母或关键词，如 sstz', en: 'Name, pinyin, initials or keyword, e.g. dorm' },
  searchHint: { zh: '输入即搜索；按 ↓ 进入结果', en: 'Results appear as you type; press ↓ to reach them' },
  favorites: { zh: '我的收藏', en: 'My favourites' }, // catalog.sections.*
  recent: { zh: '最近使用', en: 'Recently used' },
  popular: { zh: '近 30 天热门', en: 'Popular in the last 30 days' },
  browse: { zh: '全部服务', en: 'All services' },
  favoritesEmpty: {
    zh: '还没有收藏。点击服务上的 ☆ 收藏常用服务，它们会显示在这里。',
    en: 'No favourites yet. Star (☆) the services you use often and they appear here.',
  }, // catalog.favoritesEmpty
  allCategories: { zh: '全部', en: 'All' },
  allDepartments: { zh: '全部部门', en: 'All departments' }, // catalog.filters.*
  showAll: { zh: '显示全部', en: 'Show all' },
  department: { zh: '办理部门', en: 'Department' },
  start: { zh: '办理', en: 'Start' }, // catalog.startNow.text
  online: { zh: '线上办理', en: 'Online only' }, // catalog.mode.*
  hybrid: { zh: '线上线下并行', en: 'Online and offline' },
} satisfies Record<string, Bilingual>

/** Both languages, each shown only when it is the page's (the CSS below). */
const both = ({ zh, en }: Bilingual) => `<span lang="zh-CN">${escapeHtml(zh)}</span><span lang="en">${escapeHtml(en)}</span>`
const words = (key: keyof typeof WORDS) => both(WORDS[key])

const popularCount = (n: number): Bilingual => ({ zh: `${n} 次申请`, en: `${n} ${n === 1 ? 'application' : 'applications'}` })

/** A service of the home's lists (ServiceTile.vue): its name and department, Start, and the star in favourites. */
function tile(s: FirstViewService, { star = false, note }: { star?: boolean; note?: Bilingual } = {}): string {
  const href = `/catalog/services/${encodeURIComponent(s.code)}`
  const meta = note
    ? { zh: `${note.zh} · ${s.department.nameZh}`, en: `${note.en} · ${s.department.nameEn}` }
    : { zh: s.department.nameZh, en: s.department.nameEn }
  return [
    '<li><div class="tile">',
    `<a class="tile__link" href="${escapeHtml(href)}"><span class="tile__name">${both({ zh: s.nameZh, en: s.nameEn })}</span><span class="tile__meta">${both(meta)}</span></a>`,
    `<span class="start-now" aria-hidden="true">${words('start')}</span>`,
    star ? `<span class="star star--on" aria-hidden="true"></span>` : '',
    '</div></li>',
  ].join('')
}

/** The home sections as HomeSections.vue shows them once their answers are in. */
function homeSections(page: FirstViewPage): string {
  const favorites = page.favorites.length
    ? `<ul class="home-section__list" role="list">${page.favorites.map((s) => tile(s, { star: true })).join('')}</ul>`
    : `<p class="home-section__empty">${words('favoritesEmpty')}</p>`
  return [
    `<section class="home-section"><h2 class="home-section__title">${words('favorites')}</h2>${favorites}</section>`,
    page.recent.length
      ? `<section class="home-section"><h2 class="home-section__title">${words('recent')}</h2><ul class="home-section__list home-section__list--compact" role="list">${page.recent.map((s) => tile(s)).join('')}</ul></section>`
      : '',
    page.popular.length
      ? `<section class="home-section"><h2 class="home-section__title">${words('popular')}</h2><ol class="home-section__list home-section__list--compact" role="list">${page.popular.map((s) => tile(s, { note: popularCount(s.applications) })).join('')}</ol></section>`
      : '',
  ].join('')
}

const mineTotal = (n: number): Bilingual => ({
  zh: `您可以申请的服务共 ${n} 项`,
  en: `${n} ${n === 1 ? 'service' : 'services'} you may apply for`,
})
const inProgress = (n: number): Bilingual => ({ zh: `${n} 件办理中`, en: `${n} in progress` })

function card(s: FirstViewService): string {
  const href = `/catalog/services/${encodeURIComponent(s.code)}`
  const mode = s.mode === 'online' ? 'online' : 'hybrid'
  return [
    '<li><article class="service-card">',
    '<div class="service-card__top">',
    `<h3 class="service-card__name"><a class="service-card__link" href="${escapeHtml(href)}">${both({ zh: s.nameZh, en: s.nameEn })}</a></h3>`,
    // Stand-ins of the Start and star buttons (same boxes); they come alive with the catalog.
    `<span class="start-now" aria-hidden="true">${words('start')}</span>`,
    `<span class="star${s.favorite ? ' star--on' : ''}" aria-hidden="true"></span>`,
    '</div>',
    `<p class="service-card__summary">${both({ zh: s.summaryZh, en: s.summaryEn })}</p>`,
    '<div class="service-card__meta">',
    `<span class="service-card__department">${both({ zh: s.department.nameZh, en: s.department.nameEn })}</span>`,
    `<span class="fv-tag fv-tag--${mode}">${words(mode)}</span>`,
    '</div>',
    s.inProgress ? `<span class="service-card__progress">${both(inProgress(s.inProgress))}</span>` : '',
    '</article></li>',
  ].join('')
}

/**
 * The first view of the catalog for `page` (the first page of `GET /api/services?audience=mine`),
 * as the element the catalog mounts in. Everything from `page` is escaped.
 */
export function renderCatalogFirstView(page: FirstViewPage): string {
  const cards = page.items.slice(0, FIRST_VIEW_CARDS)
  return [
    `<div id="single-spa-application:${FIRST_VIEW_APP}">`,
    '<div class="hall-first-view" data-hall-first-view>',
    `<style>${STYLE}</style>`,
    '<div class="hall-mf"><div class="catalog">',
    '<header class="catalog__head">',
    `<h1 class="catalog__title">${words('title')}</h1>`,
    `<p class="catalog__intro">${words('intro')}</p>`,
    '<div class="search-field">',
    `<span class="search-field__label">${words('searchLabel')}</span>`,
    `<span class="fv-input" aria-hidden="true"><span class="fv-input__placeholder">${words('searchPlaceholder')}</span></span>`,
    `<p class="search-field__hint">${words('searchHint')}</p>`,
    '</div>',
    '</header>',
    homeSections(page),
    '<section class="catalog__list">',
    `<div class="catalog__list-head"><h2 class="catalog__list-title">${words('browse')}</h2><p class="catalog__count">${both(mineTotal(page.total))}</p></div>`,
    `<div class="category-filter"><span class="chip chip--on">${words('allCategories')}</span></div>`,
    '<div class="filters">',
    `<span class="fv-input fv-select"><span class="fv-input__placeholder">${words('allDepartments')}</span></span>`,
    `<span class="fv-switch"><span class="fv-switch__core"></span><span class="fv-switch__label">${words('showAll')}</span></span>`,
    '</div>',
    `<ul class="catalog__grid" role="list">${cards.map(card).join('')}</ul>`,
    '</section>',
    '</div></div>',
    '</div>',
    '</div>',
  ].join('')
}

// The components' sizes (their scoped styles and element-plus's large input, small tag and switch),
// under `.hall-first-view` so nothing else on the page is touched. Colours fall back to the hall's
// values before its style sheets arrive. The boot screen's main area gives way to the first view.
const STYLE = `
#hall-boot .hall-boot__main{display:none}
html[lang='en'] .hall-first-view [lang='zh-CN'],html:not([lang='en']) .hall-first-view [lang='en']{display:none}
.hall-first-view{min-height:calc(100vh - 56px)}
.hall-first-view .catalog{max-width:1200px;margin:0 auto;padding:24px}
.hall-first-view .catalog__head{margin-bottom:24px}
.hall-first-view .catalog__title{margin:0 0 4px;font-size:24px;font-weight:600;color:var(--el-text-color-primary,#303133)}
.hall-first-view .catalog__intro{margin:0 0 16px;color:var(--el-text-color-regular,#606266)}
.hall-first-view .search-field{max-width:640px}
.hall-first-view .search-field__label{display:block;margin-bottom:6px;font-size:14px;font-weight:600;color:var(--el-text-color-regular,#606266)}
.hall-first-view .search-field__hint{margin:4px 0 0;font-size:12px;color:var(--el-text-color-secondary,#5f636a)}
.hall-first-view .fv-input{display:flex;align-items:center;box-sizing:border-box;height:40px;padding:1px 15px 1px 37px;border-radius:4px;box-shadow:0 0 0 1px var(--el-border-color,#dcdfe6) inset;background:var(--el-fill-color-blank,#fff);font-size:14px;line-height:40px;color:var(--el-text-color-placeholder,#6b6f76);overflow:hidden;white-space:nowrap}
.hall-first-view .fv-select{width:260px;padding-left:15px}
.hall-first-view .home-section{margin-bottom:24px}
.hall-first-view .home-section__title{margin:0 0 10px;font-size:18px;font-weight:600;color:var(--el-text-color-primary,#303133)}
.hall-first-view .home-section__list{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:10px;margin:0;padding:0;list-style:none}
.hall-first-view .home-section__empty{min-height:42px;margin:0;color:var(--el-text-color-secondary,#5f636a);font-size:14px}
.hall-first-view .tile{display:flex;align-items:center;gap:4px;min-width:0;height:100%;padding-right:4px;border:1px solid var(--el-border-color-lighter,#ebeef5);border-radius:8px;background:var(--el-bg-color,#fff);box-sizing:border-box}
.hall-first-view .tile__link{display:flex;flex:1;flex-direction:column;justify-content:center;gap:2px;min-width:0;min-height:52px;padding:6px 8px 6px 12px;border-radius:8px;color:var(--el-text-color-primary,#303133);text-decoration:none}
.hall-first-view .tile__name{display:-webkit-box;overflow:hidden;font-size:15px;font-weight:600;line-height:1.4;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow-wrap:break-word}
.hall-first-view .tile__meta{overflow:hidden;line-height:1.4;font-size:13px;color:var(--el-text-color-secondary,#5f636a);text-overflow:ellipsis;white-space:nowrap}
.hall-first-view .catalog__list-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;margin-bottom:12px}
.hall-first-view .catalog__list-title{margin:0;font-size:18px;font-weight:600;color:var(--el-text-color-primary,#303133);overflow-wrap:anywhere}
.hall-first-view .catalog__count{margin:0;font-size:14px;color:var(--el-text-color-secondary,#5f636a)}
.hall-first-view .category-filter{display:flex;flex-wrap:wrap;gap:8px}
.hall-first-view .chip{display:inline-flex;align-items:center;box-sizing:border-box;min-height:40px;padding:0 14px;border:1px solid var(--el-color-primary,#1d5fbf);border-radius:20px;background:var(--el-color-primary,#1d5fbf);color:#fff;font-size:14px}
.hall-first-view .filters{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin-top:12px}
.hall-first-view .fv-switch{display:inline-flex;align-items:center;min-height:40px;font-size:14px;color:var(--el-text-color-primary,#303133)}
.hall-first-view .fv-switch__core{box-sizing:border-box;width:40px;height:20px;margin-right:10px;border:1px solid var(--el-border-color,#dcdfe6);border-radius:10px;background:var(--el-border-color,#dcdfe6)}
.hall-first-view .catalog__grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px;margin:16px 0 0;padding:0;list-style:none}
.hall-first-view .catalog__grid>li{display:flex;min-width:0}
.hall-first-view .service-card{position:relative;display:flex;flex:1;flex-direction:column;gap:8px;min-width:0;padding:12px 8px 14px 16px;border:1px solid var(--el-border-color-lighter,#ebeef5);border-radius:8px;background:var(--el-bg-color,#fff)}
.hall-first-view .service-card__top{display:flex;align-items:flex-start;gap:4px}
.hall-first-view .service-card__name{flex:1;min-width:0;margin:8px 0 0;font-size:17px;font-weight:600;line-height:1.4}
.hall-first-view .service-card__link{color:var(--el-text-color-primary,#303133);text-decoration:none;overflow-wrap:anywhere}
.hall-first-view .service-card__link::after{content:'';position:absolute;inset:0;border-radius:8px}
.hall-first-view .start-now{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;flex:none;min-width:48px;min-height:40px;padding:0 12px;border:1px solid var(--el-color-primary,#1d5fbf);border-radius:6px;color:var(--el-color-primary,#1d5fbf);font-size:14px}
.hall-first-view .star{flex:none;width:40px;height:40px}
.hall-first-view .service-card__summary{flex:1;margin:0;padding-right:8px;font-size:14px;line-height:1.6;color:var(--el-text-color-regular,#606266)}
.hall-first-view .service-card__meta{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding-right:8px;font-size:13px;color:var(--el-text-color-secondary,#5f636a)}
.hall-first-view .fv-tag{display:inline-flex;align-items:center;box-sizing:border-box;height:20px;padding:0 7px;border:1px solid;border-radius:4px;font-size:12px;line-height:1;white-space:nowrap}
.hall-first-view .fv-tag--online{border-color:var(--el-color-success-light-8,#d6e3d1);background:var(--el-color-success-light-9,#ebf1e8);color:var(--el-color-success,#347318)}
.hall-first-view .fv-tag--hybrid{border-color:var(--el-color-warning-light-8,#ebdecc);background:var(--el-color-warning-light-9,#f5efe6);color:var(--el-color-warning,#9a5b00)}
.hall-first-view .service-card__progress{display:inline-flex;align-self:flex-start;align-items:center;min-height:40px;margin:-8px 0 -10px;color:var(--el-color-warning-dark-2,#7b4900);font-size:13px}
@media (max-width:640px){
.hall-first-view .catalog{padding:16px 12px}
.hall-first-view .catalog__title{font-size:20px}
.hall-first-view .catalog__grid{grid-template-columns:minmax(0,1fr);gap:12px}
.hall-first-view .home-section{margin-bottom:20px}
.hall-first-view .home-section__list{gap:8px}
.hall-first-view .home-section__list--compact{grid-template-columns:repeat(2,minmax(0,1fr))}
.hall-first-view .category-filter{flex-wrap:nowrap;overflow-x:auto;padding:2px 2px 6px}
.hall-first-view .chip{flex:none}
.hall-first-view .fv-select{width:100%}
}
`
  .trim()
  .replace(/\n/g, '')
