/* Material for MkDocs' inline outdated-version script (partials/javascripts/outdated.html, MIT licence),
 * loaded as a file so that the Content-Security-Policy can forbid inline script. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.getAttribute("data-base")),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1);
