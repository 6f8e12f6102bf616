"""The HTML report's inline stylesheet and script, kept apart from the markup code.

Colours meet WCAG AA (4.5:1 for text) in both themes; the theme follows the system's
``prefers-color-scheme``.  The print stylesheet drops the filters, opens every "what
smartlint read" block and never splits a goal across pages.  The script only filters:
the page reads fully without it.
"""

from __future__ import annotations

STYLE = """
:root{--bg:#fff;--fg:#1b1b1f;--muted:#4d5058;--line:#c9ccd3;--card:#f5f6f8;--link:#0b57d0;
--pass-bg:#e3f4e8;--pass-fg:#0b5d1e;--fail-bg:#fde7e9;--fail-fg:#a4161a;--skip-bg:#eceef1;
--skip-fg:#3f434a;--warn-fg:#7a4a00;--info-fg:#1d4f91;--pass:#2e8540;--fail:#c9303a;
--skip:#9aa0a8;--band:rgba(46,133,64,.18);--need:#c9303a;--hist:#0b57d0;--focus:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e9eaee;--muted:#b2b6bf;
--line:#3b3f46;--card:#1f2226;--link:#8ab4f8;--pass-bg:#143b22;--pass-fg:#a6e3b5;
--fail-bg:#4a1518;--fail-fg:#ffb3b8;--skip-bg:#2b2e33;--skip-fg:#d0d3d9;--warn-fg:#f3c46b;
--info-fg:#9cc3ff;--pass:#4caf6a;--fail:#ef5a63;--skip:#7d838c;--band:rgba(76,175,106,.25);
--need:#ef7a81;--hist:#8ab4f8;--focus:#8ab4f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:70rem;padding:1rem;background:var(--bg);color:var(--fg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
overflow-wrap:anywhere}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:0 0 .25rem;font-weight:600}
code,.pos{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
.meta,.where{color:var(--muted);margin:.2rem 0}
.skip-link{position:absolute;left:-999px}.skip-link:focus{left:1rem;top:1rem;
background:var(--bg);padding:.3rem .6rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cards{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.counts{display:grid;grid-template-columns:repeat(3,minmax(6rem,1fr));gap:.5rem;margin:0}
.counts div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}
.counts dt{font-size:.85rem;color:var(--muted)}.counts dd{margin:0;font-size:1.4rem;font-weight:600}
.counts .sev-error dd{color:var(--fail-fg)}.counts .sev-warning dd{color:var(--warn-fg)}
.counts .sev-info dd{color:var(--info-fg)}
figure{margin:0}svg{max-width:100%;height:auto;display:block}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}
svg .lbl{font-size:13px}svg .tick{fill:var(--muted);font-size:11px}
rect.pass{fill:var(--pass)}rect.fail{fill:var(--fail)}rect.skip{fill:var(--skip)}
rect.frame{fill:none;stroke:var(--line)}line.grid{stroke:var(--line);stroke-dasharray:2 3}
polygon.band{fill:var(--band);stroke:none}
polyline.need{fill:none;stroke:var(--need);stroke-width:2;stroke-dasharray:6 4}
polyline.hist{fill:none;stroke:var(--hist);stroke-width:2.5}circle.hist{fill:var(--hist)}
line.target{stroke:var(--muted);stroke-dasharray:1 3}line.deadline{stroke:var(--muted)}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.2rem}
.key{display:inline-block;width:.9rem;height:.6rem;margin:0 .25rem 0 .6rem;vertical-align:middle}
.key.pass{background:var(--pass)}.key.fail{background:var(--fail)}.key.skip{background:var(--skip)}
.key.hist{border-top:3px solid var(--hist);height:0}.key.need{border-top:2px dashed var(--need);height:0}
.key.band{background:var(--band);border:1px solid var(--pass)}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
input,select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);
border-radius:4px;padding:.3rem .4rem;min-height:2.2rem;max-width:100%}
button{cursor:pointer}
ol.tree{list-style:none;padding-left:0;margin:0}
ol.tree ol.tree{padding-left:1.1rem;border-left:2px solid var(--line);margin-left:.4rem}
.goal{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:.5rem 0;
background:var(--bg);break-inside:avoid;page-break-inside:avoid}
.goal.fail{border-left:5px solid var(--fail)}.goal.ok{border-left:5px solid var(--pass)}
.goal:target{box-shadow:0 0 0 3px var(--focus)}
.anchor{text-decoration:none;color:var(--muted)}
.gid{background:var(--card);padding:0 .3rem;border-radius:4px}
.cycle{color:var(--fail-fg)}
.badges{list-style:none;display:flex;gap:.3rem;padding:0;margin:.3rem 0;flex-wrap:wrap}
.badge{border-radius:4px;padding:0 .45rem;font-weight:700;font-family:ui-monospace,monospace}
.badge.pass{background:var(--pass-bg);color:var(--pass-fg)}
.badge.fail{background:var(--fail-bg);color:var(--fail-fg)}
.badge.skip{background:var(--skip-bg);color:var(--skip-fg)}
.findings{padding-left:1.1rem;margin:.3rem 0;list-style:disc}.findings li{margin:.2rem 0}
.sev{font-weight:700;text-transform:uppercase;font-size:.75rem}
.sev-error .sev{color:var(--fail-fg)}.sev-warning .sev{color:var(--warn-fg)}
.sev-info .sev{color:var(--info-fg)}
.fix{display:block;color:var(--muted)}
.rewrite{background:var(--card);border-radius:6px;padding:.3rem .6rem;margin:.4rem 0}
.chart{margin:.4rem 0;max-width:480px}
details summary{cursor:pointer;color:var(--muted)}
.reading{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0;font-size:.9rem}
.reading div{display:contents}.reading dt{color:var(--muted)}.reading dd{margin:0}
[hidden]{display:none!important}
@media (max-width:480px){body{padding:.5rem}.counts{grid-template-columns:repeat(2,1fr)}
ol.tree ol.tree{padding-left:.5rem;margin-left:.15rem}.goal{padding:.5rem}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--card:#f2f2f2}#sl-filters,.skip-link,
#sl-shown{display:none}body{max-width:none;padding:0;font-size:10pt}.goal{box-shadow:none;
margin:.3rem 0;padding:.4rem .6rem}.chart{max-width:340px}.reading{font-size:8.5pt}
@page{margin:12mm}
a{color:inherit;text-decoration:none}}
"""

SCRIPT = """
(function(){
var d=document,goals=[].slice.call(d.querySelectorAll("article.goal")),texts=null;
var inputs=[].slice.call(d.querySelectorAll("[data-filter]"));
var shown=d.getElementById("sl-shown");
function has(list,v){return (" "+list+" ").indexOf(" "+v+" ")>=0;}
function apply(){
var f={};inputs.forEach(function(i){f[i.getAttribute("data-filter")]=i.value;});
var q=(f.search||"").trim().toLowerCase();
if(q&&!texts){texts=goals.map(function(g){return g.textContent.toLowerCase();});}
var n=0;
goals.forEach(function(g,k){
var ok=(!f.fail||has(g.getAttribute("data-fail"),f.fail))&&
(!f.sev||has(g.getAttribute("data-sev"),f.sev))&&
(!f.file||g.getAttribute("data-file")===f.file)&&
(!f.owner||g.getAttribute("data-owner")===f.owner)&&
(!f.lang||g.getAttribute("data-lang")===f.lang)&&(!q||texts[k].indexOf(q)>=0);
g.hidden=!ok;if(ok){n++;}});
if(shown){shown.textContent=shown.getAttribute("data-template").replace("{n}",n).replace("{total}",goals.length);}
}
inputs.forEach(function(i){i.addEventListener("input",apply);i.addEventListener("change",apply);});
var reset=d.getElementById("sl-f-reset");
if(reset){reset.addEventListener("click",function(){setTimeout(apply,0);});}
function reveal(){
var id=decodeURIComponent(location.hash.slice(1));var g=id&&d.getElementById(id);
if(g&&g.hidden){inputs.forEach(function(i){i.value="";});apply();}
if(g&&g.classList.contains("goal")){g.focus();}
}
window.addEventListener("hashchange",reveal);
window.addEventListener("beforeprint",function(){
[].forEach.call(d.querySelectorAll("details"),function(x){x.open=true;});});
apply();reveal();
d.body.setAttribute("data-ready","yes");
})();
"""
