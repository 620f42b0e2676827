/* Material for MkDocs' inline announce script (partials/javascripts/announce.html, MIT licence),
 * loaded as a file so that the Content-Security-Policy can forbid inline script. */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)};
