/* Material for MkDocs' inline head script (partials/javascripts/base.html, MIT licence),
 * written into every page at build time and allowed by the Content-Security-Policy by the hash
 * of its text. The scope comes from this script element's data-scope attribute. */
__md_scope=new URL(document.currentScript.getAttribute("data-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
