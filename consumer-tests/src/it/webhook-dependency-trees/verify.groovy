// A webhook-only application (cams-sdk-core, or cams-sdk-servlet) resolves no HTTP client. (Okio and the Kotlin
// standard library do come, through Moshi.)
def forbidden = ['com.squareup.okhttp3']
[core: 'cams-sdk-core', servlet: 'cams-sdk-servlet'].each { name, artifact ->
    File tree = new File(basedir, "tree-${name}.txt")
    assert tree.isFile() : "dependency:tree wrote no ${tree}"
    String text = tree.text
    println "dependency:tree of a ${artifact} consumer:\n${text}"
    assert text.contains("io.camssdk:${artifact}:jar:") : "${artifact} missing from its own consumer's tree:\n${text}"
    forbidden.each { group -> assert !text.contains(group) : "${group} in the tree of a ${artifact} consumer:\n${text}" }
}
true
