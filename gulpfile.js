// Copies what tsc does not: icons and codex files. (The WSDL files are compiled into
// nodes/Yuki/transport/wsdl.generated.ts at build time and not shipped.)
const { src, dest } = require('gulp');

function copyStaticFiles() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports.build = copyStaticFiles;
exports.default = copyStaticFiles;
